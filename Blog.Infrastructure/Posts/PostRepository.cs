using Blog.Domain.Paging;
using Blog.Domain.Posts;
using Blog.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Blog.Infrastructure.Posts;

internal sealed class PostRepository(BlogDbContext db, IPostLookup lookup, IPostTextSearch textSearch) : IPostRepository
{
    public Task<Post?> FindAsync(Guid id, CancellationToken cancellationToken) => lookup.FindAsync(id, cancellationToken);

    public async Task<KeysetSlice<Post>> GetSliceAsync(PostCriteria criteria, PageCursor? cursor, int take, CancellationToken cancellationToken) =>
        await (await MatchingAsync(criteria, cancellationToken)).ReadSliceAsync(nameof(Post.PostedDate), cursor, take, cancellationToken);

    public async Task<int> CountAsync(PostCriteria criteria, CancellationToken cancellationToken)
    {
        if (criteria.Text is { } text)
        {
            return criteria.AuthorId is null
                ? await textSearch.CountAsync(text, cancellationToken)
                : await (await MatchingAsync(criteria, cancellationToken)).CountAsync(cancellationToken);
        }

        // Each author's count is kept with every insert and delete, so totals never scan the posts.
        var authors = db.Users.AsNoTracking();
        return criteria.AuthorId is { } authorId
            ? await authors.Where(user => user.Id == authorId).Select(user => user.PostCount).FirstOrDefaultAsync(cancellationToken)
            : await authors.SumAsync(user => user.PostCount, cancellationToken);
    }

    public Task AddAsync(Post post, CancellationToken cancellationToken) => InsertAsync(post, null, cancellationToken);

    public Task<bool> TryAddAsync(Post post, IdempotencyRecord record, CancellationToken cancellationToken) =>
        InsertAsync(post, record, cancellationToken);

    public Task<IdempotencyRecord?> FindIdempotencyRecordAsync(Guid userId, string key, DateTime notBefore, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key && r.CreatedAt >= notBefore, cancellationToken);

    /// <summary>One statement: the version in its WHERE decides, so a concurrent writer can never be overwritten.</summary>
    public async Task<bool> TryUpdateAsync(Post post, long expectedVersion, CancellationToken cancellationToken) =>
        await db.Posts
            .Where(stored => stored.Id == post.Id && stored.Version == expectedVersion)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(stored => stored.Title, post.Title)
                    .SetProperty(stored => stored.Body, post.Body)
                    .SetProperty(stored => stored.UpdatedDate, post.UpdatedDate)
                    .SetProperty(stored => stored.Version, post.Version),
                cancellationToken) == 1;

    /// <summary>The version-checked delete and its author's count, in one transaction.</summary>
    public async Task<bool> TryDeleteAsync(Post post, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = await db.Posts
            .Where(stored => stored.Id == post.Id && stored.Version == expectedVersion)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return false;
        }

        await AdjustPostCountAsync(post.AuthorId, -1, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<IQueryable<Post>> MatchingAsync(PostCriteria criteria, CancellationToken cancellationToken)
    {
        var query = criteria.Text is { } text ? await textSearch.MatchingAsync(text, cancellationToken) : db.Posts;

        return criteria.AuthorId is { } authorId ? query.Where(post => post.AuthorId == authorId) : query;
    }

    /// <summary>
    /// One transaction: the post, its author's count and, for a keyed create, the idempotency record (the user's
    /// expired ones are cleared first). False, with nothing written, when the user's key is already taken.
    /// </summary>
    /// <remarks>
    /// Only the creating user's expired records are cleared: on PostgreSQL, where creates run side by side, two
    /// transactions deleting everyone's expired rows could lock them in different orders and deadlock.
    /// </remarks>
    private async Task<bool> InsertAsync(Post post, IdempotencyRecord? record, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Posts.Add(post);
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
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        await AdjustPostCountAsync(post.AuthorId, +1, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private Task<int> AdjustPostCountAsync(Guid authorId, int delta, CancellationToken cancellationToken) =>
        db.Users.Where(user => user.Id == authorId)
            .ExecuteUpdateAsync(set => set.SetProperty(user => user.PostCount, user => user.PostCount + delta), cancellationToken);
}
