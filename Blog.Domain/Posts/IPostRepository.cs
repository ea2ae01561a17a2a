using Blog.Domain.Paging;

namespace Blog.Domain.Posts;

public interface IPostRepository
{
    Task<Post?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Reads up to <paramref name="take"/> public posts from the cursor, newest published first (oldest first when reading newer).</summary>
    Task<KeysetSlice<Post>> GetSliceAsync(PostCriteria criteria, PageCursor? cursor, int take, CancellationToken cancellationToken);

    /// <summary>How many public posts meet the criteria.</summary>
    Task<int> CountAsync(PostCriteria criteria, CancellationToken cancellationToken);

    /// <summary>Reads up to <paramref name="take"/> of one author's own posts by <see cref="Post.ListedDate"/>, newest first.</summary>
    Task<KeysetSlice<Post>> GetOwnSliceAsync(Guid authorId, OwnPostsFilter filter, DateTime now, PageCursor? cursor, int take, CancellationToken cancellationToken);

    Task<int> CountOwnAsync(Guid authorId, OwnPostsFilter filter, DateTime now, CancellationToken cancellationToken);

    Task AddAsync(Post post, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the post and remembers the key with it, in one transaction; false (and nothing added) when the user
    /// already has a live record for that key.
    /// </summary>
    Task<bool> TryAddAsync(Post post, IdempotencyRecord record, CancellationToken cancellationToken);

    /// <summary>The user's record for the key, if it was made after <paramref name="notBefore"/>.</summary>
    Task<IdempotencyRecord?> FindIdempotencyRecordAsync(Guid userId, string key, DateTime notBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the edit only if the stored version is still the one it replaced, with the revision it keeps and the
    /// counts it changes, in one transaction; false (and nothing saved) otherwise.
    /// </summary>
    Task<bool> TryUpdateAsync(PostEdit edit, CancellationToken cancellationToken);

    /// <summary>Deletes the post (its tags, comments and revisions with it) only if the stored version is still <paramref name="expectedVersion"/>; false otherwise.</summary>
    Task<bool> TryDeleteAsync(Post post, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>The post's revisions, newest first (by version), up to <paramref name="take"/> from the cursor.</summary>
    Task<KeysetSlice<PostRevision>> GetRevisionSliceAsync(Guid postId, PageCursor? cursor, int take, CancellationToken cancellationToken);

    Task<int> CountRevisionsAsync(Guid postId, CancellationToken cancellationToken);

    Task<PostRevision?> FindRevisionAsync(Guid postId, long version, CancellationToken cancellationToken);
}

/// <summary>An edit as it is stored: the post as it now is, and what it was before.</summary>
public sealed record PostEdit(Post Post, PostRevision Replaced, DateTime? ReplacedPublishedDate)
{
    public long ExpectedVersion => Replaced.Version;

    /// <summary>A change of title, body or tags keeps the replaced version as a revision; a change of publishing alone does not.</summary>
    public bool KeepsRevision => Post.ChangesRevisedContent(Replaced, Post);
}
