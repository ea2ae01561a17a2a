using Blog.Domain.Comments;
using Blog.Domain.Paging;
using Blog.Domain.Posts;
using Blog.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Blog.Infrastructure.Comments;

/// <summary>
/// Comments, and their count on their post, kept in the same transactions. The post's row is always written first (as
/// a post's delete takes it before the database deletes its comments), so on PostgreSQL two writes of one post's
/// comments, or one of them and the post's delete, wait for each other in one order and never deadlock.
/// </summary>
internal sealed class CommentRepository(BlogDbContext db, IWriteTurns writeTurns) : ICommentRepository
{
    public Task<Comment?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Comments.AsNoTracking().FirstOrDefaultAsync(comment => comment.Id == id, cancellationToken);

    public Task<KeysetSlice<Comment>> GetSliceAsync(Guid postId, PageCursor? cursor, int take, CancellationToken cancellationToken) =>
        db.Comments.AsNoTracking().Where(comment => comment.PostId == postId)
            .ReadSliceAsync(nameof(Comment.PostedDate), cursor, take, cancellationToken, KeysetOrder.OldestFirst);

    /// <remarks>A keyed add clears the user's expired records first, as a keyed post create does (see PostRepository).</remarks>
    public async Task<CommentAddition> TryAddAsync(Comment comment, IdempotencyRecord? record, CancellationToken cancellationToken)
    {
        await using var turn = await writeTurns.TakeAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await CountOnPostAsync(comment.PostId, +1, cancellationToken) == 0)
        {
            return CommentAddition.PostGone;
        }

        db.Comments.Add(comment);
        if (record is not null)
        {
            var expiredBefore = record.CreatedAt - IdempotencyKey.Lifetime;
            await db.IdempotencyRecords.Where(r => r.UserId == record.UserId && r.CreatedAt < expiredBefore).ExecuteDeleteAsync(cancellationToken);
            db.IdempotencyRecords.Add(record);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return CommentAddition.KeyTaken;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
        return CommentAddition.Added;
    }

    public async Task<bool> TryUpdateAsync(Comment comment, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var turn = await writeTurns.TakeAsync(cancellationToken);
        return await db.Comments
            .Where(stored => stored.Id == comment.Id && stored.Version == expectedVersion)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(stored => stored.Body, comment.Body)
                    .SetProperty(stored => stored.UpdatedDate, comment.UpdatedDate)
                    .SetProperty(stored => stored.Version, comment.Version),
                cancellationToken) == 1;
    }

    public async Task<bool> TryDeleteAsync(Comment comment, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var turn = await writeTurns.TakeAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await CountOnPostAsync(comment.PostId, -1, cancellationToken) == 0)
        {
            // The post is gone, and its comments with it.
            return false;
        }

        var deleted = await db.Comments
            .Where(stored => stored.Id == comment.Id && stored.Version == expectedVersion)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The post's comment count by <paramref name="delta"/>, and its version by one: the count is part of the post's
    /// representation, so its ETag must change with it. Its UpdatedDate stays: a comment is no edit of the post.
    /// </summary>
    /// <returns>The rows updated: 0 when the post is gone.</returns>
    private Task<int> CountOnPostAsync(Guid postId, int delta, CancellationToken cancellationToken) =>
        db.Posts.Where(post => post.Id == postId).ExecuteUpdateAsync(
            set => set
                .SetProperty(post => post.CommentCount, post => post.CommentCount + delta)
                .SetProperty(post => post.Version, post => post.Version + 1),
            cancellationToken);
}
