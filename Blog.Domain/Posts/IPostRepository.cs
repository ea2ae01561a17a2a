using Blog.Domain.Paging;

namespace Blog.Domain.Posts;

public interface IPostRepository
{
    Task<Post?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Reads up to <paramref name="take"/> posts from the cursor, newest first (oldest first when reading newer).</summary>
    Task<KeysetSlice<Post>> GetSliceAsync(PostCriteria criteria, PageCursor? cursor, int take, CancellationToken cancellationToken);

    Task<int> CountAsync(PostCriteria criteria, CancellationToken cancellationToken);

    Task AddAsync(Post post, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the post and remembers the key with it, in one transaction; false (and nothing added) when the user
    /// already has a live record for that key.
    /// </summary>
    Task<bool> TryAddAsync(Post post, IdempotencyRecord record, CancellationToken cancellationToken);

    /// <summary>The user's record for the key, if it was made after <paramref name="notBefore"/>.</summary>
    Task<IdempotencyRecord?> FindIdempotencyRecordAsync(Guid userId, string key, DateTime notBefore, CancellationToken cancellationToken);

    /// <summary>Saves the post only if the stored version is still <paramref name="expectedVersion"/>; false otherwise.</summary>
    Task<bool> TryUpdateAsync(Post post, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Deletes the post only if the stored version is still <paramref name="expectedVersion"/>; false otherwise.</summary>
    Task<bool> TryDeleteAsync(Post post, long expectedVersion, CancellationToken cancellationToken);
}
