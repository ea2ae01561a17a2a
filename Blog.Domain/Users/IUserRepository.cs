using Blog.Domain.Paging;

namespace Blog.Domain.Users;

public interface IUserRepository
{
    /// <summary>Finds a user by username, without regard to case.</summary>
    Task<User?> FindByUsernameAsync(string username, CancellationToken cancellationToken);

    /// <summary>Reads up to <paramref name="take"/> users from the cursor, newest first (oldest first when reading newer).</summary>
    Task<KeysetSlice<User>> GetSliceAsync(PageCursor? cursor, int take, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>How many of each author's published posts are still waiting for their instant (absent: none).</summary>
    Task<IReadOnlyDictionary<Guid, int>> CountWaitingPostsAsync(IReadOnlyCollection<Guid> authorIds, DateTime now, CancellationToken cancellationToken);

    /// <summary>Adds the user; false when the username is already taken (in any case).</summary>
    Task<bool> TryAddAsync(User user, CancellationToken cancellationToken);

    Task UpdatePasswordHashAsync(User user, CancellationToken cancellationToken);
}
