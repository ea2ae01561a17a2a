using Blog.Domain.Paging;
using Blog.Domain.Posts;

namespace Blog.Domain.Comments;

public interface ICommentRepository
{
    Task<Comment?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Reads up to <paramref name="take"/> of the post's comments from the cursor, oldest first.</summary>
    Task<KeysetSlice<Comment>> GetSliceAsync(Guid postId, PageCursor? cursor, int take, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the comment, with the key's record when there is one, and counts it on its post (its
    /// <see cref="Post.CommentCount"/> and <see cref="Post.Version"/>, not its <see cref="Post.UpdatedDate"/>), in one
    /// transaction; nothing is written unless all of it is.
    /// </summary>
    Task<CommentAddition> TryAddAsync(Comment comment, IdempotencyRecord? record, CancellationToken cancellationToken);

    /// <summary>Saves the edit only if the stored version is still <paramref name="expectedVersion"/>; false (and nothing saved) otherwise.</summary>
    Task<bool> TryUpdateAsync(Comment comment, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the comment only if the stored version is still <paramref name="expectedVersion"/>, and uncounts it on its
    /// post as <see cref="TryAddAsync"/> counted it, in one transaction; false (and nothing changed) otherwise.
    /// </summary>
    Task<bool> TryDeleteAsync(Comment comment, long expectedVersion, CancellationToken cancellationToken);
}

/// <summary>How an add ended.</summary>
public enum CommentAddition
{
    Added,

    /// <summary>The post was deleted after it was read.</summary>
    PostGone,

    /// <summary>The user already has a live record for the key: a concurrent request with it won.</summary>
    KeyTaken,
}
