using Blog.Domain.Paging;

namespace Blog.Domain.Posts;

public interface IPostRepository
{
    Task<Post?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Reads up to <paramref name="take"/> posts from the cursor, newest first (oldest first when reading newer).</summary>
    Task<KeysetSlice<Post>> GetSliceAsync(PostCriteria criteria, PageCursor? cursor, int take, CancellationToken cancellationToken);

    Task<int> CountAsync(PostCriteria criteria, CancellationToken cancellationToken);

    Task AddAsync(Post post, CancellationToken cancellationToken);

    /// <summary>Saves the post only if the stored version is still <paramref name="expectedVersion"/>; false otherwise.</summary>
    Task<bool> TryUpdateAsync(Post post, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Deletes the post only if the stored version is still <paramref name="expectedVersion"/>; false otherwise.</summary>
    Task<bool> TryDeleteAsync(Post post, long expectedVersion, CancellationToken cancellationToken);
}
