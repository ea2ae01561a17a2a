using Blog.Domain.Paging;
using Blog.Domain.Posts;
using Blog.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Blog.Infrastructure.Posts;

internal sealed class PostRepository(BlogDbContext db) : IPostRepository
{
    /// <summary>The trigram index finds texts of three characters or more; shorter ones are looked for with LIKE.</summary>
    private const int TrigramLength = 3;

    // The hottest query of all (every GET of a post, every write), compiled once rather than looked up per call.
    private static readonly Func<BlogDbContext, Guid, CancellationToken, Task<Post?>> FindById =
        EF.CompileAsyncQuery((BlogDbContext context, Guid id, CancellationToken _) => context.Posts.AsNoTracking().FirstOrDefault(post => post.Id == id));

    public Task<Post?> FindAsync(Guid id, CancellationToken cancellationToken) => FindById(db, id, cancellationToken);

    public Task<KeysetSlice<Post>> GetSliceAsync(PostCriteria criteria, PageCursor? cursor, int take, CancellationToken cancellationToken) =>
        Matching(criteria).ReadSliceAsync(nameof(Post.PostedDate), cursor, take, cancellationToken);

    public async Task<int> CountAsync(PostCriteria criteria, CancellationToken cancellationToken)
    {
        if (criteria.Text is not null)
        {
            return await Matching(criteria).CountAsync(cancellationToken);
        }

        // Each author's count is kept with every insert and delete, so totals never scan the posts.
        var authors = db.Users.AsNoTracking();
        return criteria.AuthorId is { } authorId
            ? await authors.Where(user => user.Id == authorId).Select(user => user.PostCount).FirstOrDefaultAsync(cancellationToken)
            : await authors.SumAsync(user => user.PostCount, cancellationToken);
    }

    public async Task AddAsync(Post post, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Posts.Add(post);
        await db.SaveChangesAsync(cancellationToken);
        await AdjustPostCountAsync(post.AuthorId, +1, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.Entry(post).State = EntityState.Detached;
    }

    public async Task<bool> TryAddAsync(Post post, IdempotencyRecord record, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var expiredBefore = record.CreatedAt - IdempotencyKey.Lifetime;
        db.IdempotencyRecords.RemoveRange(await db.IdempotencyRecords.Where(r => r.CreatedAt < expiredBefore).ToListAsync(cancellationToken));
        db.Posts.Add(post);
        db.IdempotencyRecords.Add(record);
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

    public Task<IdempotencyRecord?> FindIdempotencyRecordAsync(Guid userId, string key, DateTime notBefore, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key && r.CreatedAt >= notBefore, cancellationToken);

    public async Task<bool> TryUpdateAsync(Post post, long expectedVersion, CancellationToken cancellationToken)
    {
        var entry = db.Posts.Update(post);
        entry.Property(p => p.Version).OriginalValue = expectedVersion;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        finally
        {
            entry.State = EntityState.Detached;
        }
    }

    public async Task<bool> TryDeleteAsync(Post post, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entry = db.Posts.Remove(post);
        entry.Property(p => p.Version).OriginalValue = expectedVersion;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        finally
        {
            entry.State = EntityState.Detached;
        }

        await AdjustPostCountAsync(post.AuthorId, -1, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private IQueryable<Post> Matching(PostCriteria criteria)
    {
        var query = criteria.Text switch
        {
            null => db.Posts,
            { Length: < TrigramLength } text => db.Posts.WhereContainsLike(text),

            // SQLite ends an FTS5 query string at a NUL, so such a text cannot go through the index.
            var text when text.Contains('\0', StringComparison.Ordinal) => db.Posts.WhereContainsLike(text),
            var text => Containing(text),
        };
        return criteria.AuthorId is { } authorId ? query.Where(post => post.AuthorId == authorId) : query;
    }

    /// <summary>
    /// Posts whose title or body contains the text, found through the FTS5 trigram index. A quoted FTS5 string is
    /// one phrase, which the trigram tokenizer matches as a plain substring.
    /// </summary>
    private IQueryable<Post> Containing(string text)
    {
        var phrase = $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        return db.Posts.FromSqlInterpolated(
            $"SELECT * FROM Posts WHERE rowid IN (SELECT rowid FROM PostsSearch WHERE PostsSearch MATCH {phrase})");
    }

    private Task AdjustPostCountAsync(Guid authorId, int delta, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE Users SET PostCount = PostCount + {delta} WHERE Id = {authorId}", cancellationToken);
}
