using Blog.Domain.Paging;

namespace Blog.Domain.Tokens;

public interface IAccessTokenRepository
{
    Task AddAsync(AccessToken token, CancellationToken cancellationToken);

    /// <summary>The token with this secret hash (a unique index), or null: never issued, or revoked.</summary>
    Task<AccessToken?> FindBySecretHashAsync(byte[] secretHash, CancellationToken cancellationToken);

    /// <summary>The user's token with this id, or null (also when the token is someone else's).</summary>
    Task<AccessToken?> FindAsync(Guid userId, Guid id, CancellationToken cancellationToken);

    /// <summary>Reads up to <paramref name="take"/> of the user's tokens from the cursor, newest first (oldest first when reading newer).</summary>
    Task<KeysetSlice<AccessToken>> GetSliceAsync(Guid userId, PageCursor? cursor, int take, CancellationToken cancellationToken);

    Task<int> CountAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Deletes the user's token; false when the user has no token with this id.</summary>
    Task<bool> TryDeleteAsync(Guid userId, Guid id, CancellationToken cancellationToken);

    /// <summary>Stores <see cref="AccessToken.LastUsedDate"/>, in one statement.</summary>
    Task RecordUseAsync(AccessToken token, CancellationToken cancellationToken);
}
