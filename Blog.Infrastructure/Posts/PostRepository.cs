using Blog.Domain.Paging;
using Blog.Domain.Posts;
using Blog.Infrastructure.Data;
using Blog.Infrastructure.Data.Tags;
using Microsoft.EntityFrameworkCore;

namespace Blog.Infrastructure.Posts;

/// <summary>
/// Posts and what is kept beside them in the same transactions: their tags (PostTags, and each tag's count), their
/// revisions, and their authors' counts.
/// </summary>
/// <remarks>
/// Counts include scheduled posts from the moment they are written; a count read subtracts the posts still waiting for
/// their instant, which the publishing-date indexes find without reading any public post. So a scheduled post is
/// counted at its instant with no job and no write, and no count ever scans the posts.
/// </remarks>
internal sealed class PostRepository(BlogDbContext db, IWriteTurns writeTurns, IPostLookup lookup, IPostPages pages) : IPostRepository
{
    public Task<Post?> FindAsync(Guid id, CancellationToken cancellationToken) => lookup.FindAsync(id, cancellationToken);

    public Task<KeysetSlice<Post>> GetSliceAsync(PostCriteria criteria, PageCursor? cursor, int take, CancellationToken cancellationToken) =>
        pages.GetSliceAsync(criteria, cursor, take, cancellationToken);

    public Task<int> CountAsync(PostCriteria criteria, CancellationToken cancellationToken) => pages.CountAsync(criteria, cancellationToken);

    public Task<KeysetSlice<Post>> GetOwnSliceAsync(
        Guid authorId, OwnPostsFilter filter, DateTime now, PageCursor? cursor, int take, CancellationToken cancellationToken) =>
        Own(authorId, filter, now).ReadSliceAsync(nameof(Post.ListedDate), cursor, take, cancellationToken);

    public Task<int> CountOwnAsync(Guid authorId, OwnPostsFilter filter, DateTime now, CancellationToken cancellationToken) =>
        Own(authorId, filter, now).CountAsync(cancellationToken);

    public Task AddAsync(Post post, CancellationToken cancellationToken) => InsertAsync(post, null, cancellationToken);

    public Task<bool> TryAddAsync(Post post, IdempotencyRecord record, CancellationToken cancellationToken) =>
        InsertAsync(post, record, cancellationToken);

    public Task<IdempotencyRecord?> FindIdempotencyRecordAsync(Guid userId, string key, DateTime notBefore, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key && r.CreatedAt >= notBefore, cancellationToken);

    /// <summary>
    /// The version in the UPDATE's WHERE decides, so a concurrent writer can never be overwritten; the revision, the
    /// post's tags and the counts follow in the same transaction.
    /// </summary>
    public async Task<bool> TryUpdateAsync(PostEdit edit, CancellationToken cancellationToken)
    {
        var post = edit.Post;
        await using var turn = await writeTurns.TakeAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.Posts
            .Where(stored => stored.Id == post.Id && stored.Version == edit.ExpectedVersion)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(stored => stored.Title, post.Title)
                    .SetProperty(stored => stored.Body, post.Body)
                    .SetProperty(stored => stored.Tags, post.Tags)
                    .SetProperty(stored => stored.PublishedDate, post.PublishedDate)
                    .SetProperty(stored => stored.ListedDate, post.ListedDate)
                    .SetProperty(stored => stored.UpdatedDate, post.UpdatedDate)
                    .SetProperty(stored => stored.Version, post.Version),
                cancellationToken);
        if (updated == 0)
        {
            return false;
        }

        if (edit.KeepsRevision)
        {
            db.PostRevisions.Add(edit.Replaced);
        }

        var (tagsBefore, tagsAfter) = (edit.Replaced.Tags, post.Tags);
        db.PostTags.RemoveRange(tagsBefore.Except(tagsAfter).Select(name => new PostTag { PostId = post.Id, Name = name }));
        db.PostTags.AddRange(tagsAfter.Except(tagsBefore).Select(name => new PostTag { PostId = post.Id, Name = name }));
        await SaveAndForgetAsync(cancellationToken);

        var (wasCounted, isCounted) = (edit.ReplacedPublishedDate is not null, post.PublishedDate is not null);
        await AdjustCountsAsync(post.AuthorId, (isCounted ? 1 : 0) - (wasCounted ? 1 : 0), wasCounted ? tagsBefore : [], isCounted ? tagsAfter : [], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The version-checked delete and the counts it changes, in one transaction; the database deletes its tags, comments and revisions.</summary>
    public async Task<bool> TryDeleteAsync(Post post, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var turn = await writeTurns.TakeAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = await db.Posts
            .Where(stored => stored.Id == post.Id && stored.Version == expectedVersion)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return false;
        }

        if (post.PublishedDate is not null)
        {
            await AdjustCountsAsync(post.AuthorId, -1, post.Tags, [], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <remarks>
    /// By version, not by (savedDate, id): two edits saved in the same millisecond have the same savedDate, and ids made
    /// in the same millisecond are in no order. The cursor names the revision a page starts after; its version is read
    /// through the primary key.
    /// </remarks>
    public async Task<KeysetSlice<PostRevision>> GetRevisionSliceAsync(Guid postId, PageCursor? cursor, int take, CancellationToken cancellationToken)
    {
        var revisions = db.PostRevisions.AsNoTracking().Where(revision => revision.PostId == postId);
        if (cursor is null)
        {
            return new(await revisions.OrderByDescending(revision => revision.Version).Take(take).ToListAsync(cancellationToken), HasItemsBehindCursor: false);
        }

        var at = await revisions.Where(revision => revision.Id == cursor.Id).Select(revision => (long?)revision.Version).FirstOrDefaultAsync(cancellationToken);
        if (at is not { } version)
        {
            // Not a revision of this post (revisions are only ever deleted with their post).
            return new([], HasItemsBehindCursor: false);
        }

        if (cursor.Direction == PageDirection.Forward)
        {
            var older = await revisions.Where(revision => revision.Version < version)
                .OrderByDescending(revision => revision.Version).Take(take).ToListAsync(cancellationToken);
            return new(older, await revisions.AnyAsync(revision => revision.Version >= version, cancellationToken));
        }

        var newer = await revisions.Where(revision => revision.Version > version)
            .OrderBy(revision => revision.Version).Take(take).ToListAsync(cancellationToken);
        return new(newer, await revisions.AnyAsync(revision => revision.Version <= version, cancellationToken));
    }

    public Task<int> CountRevisionsAsync(Guid postId, CancellationToken cancellationToken) =>
        db.PostRevisions.CountAsync(revision => revision.PostId == postId, cancellationToken);

    public Task<PostRevision?> FindRevisionAsync(Guid postId, long version, CancellationToken cancellationToken) =>
        db.PostRevisions.AsNoTracking().FirstOrDefaultAsync(revision => revision.PostId == postId && revision.Version == version, cancellationToken);

    private IQueryable<Post> Own(Guid authorId, OwnPostsFilter filter, DateTime now)
    {
        var own = db.Posts.Where(post => post.AuthorId == authorId);
        return filter switch
        {
            OwnPostsFilter.Draft => own.Drafts(),
            OwnPostsFilter.Scheduled => own.WaitingAt(now),
            OwnPostsFilter.Published => own.PublicAt(now),
            _ => own,
        };
    }

    /// <summary>
    /// One transaction: the post, its tags, the counts and, for a keyed create, the idempotency record (the user's
    /// expired ones are cleared first). False, with nothing written, when the user's key is already taken.
    /// </summary>
    /// <remarks>
    /// Only the creating user's expired records are cleared: on PostgreSQL, where creates run side by side, two
    /// transactions deleting everyone's expired rows could lock them in different orders and deadlock.
    /// </remarks>
    private async Task<bool> InsertAsync(Post post, IdempotencyRecord? record, CancellationToken cancellationToken)
    {
        await using var turn = await writeTurns.TakeAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Posts.Add(post);
        db.PostTags.AddRange(post.Tags.Select(name => new PostTag { PostId = post.Id, Name = name }));
        if (record is not null)
        {
            var expiredBefore = record.CreatedAt - IdempotencyKey.Lifetime;
            await db.IdempotencyRecords.Where(r => r.UserId == record.UserId && r.CreatedAt < expiredBefore).ExecuteDeleteAsync(cancellationToken);
            db.IdempotencyRecords.Add(record);
        }

        try
        {
            await SaveAndForgetAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return false;
        }

        if (post.PublishedDate is not null)
        {
            await AdjustCountsAsync(post.AuthorId, +1, [], post.Tags, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task SaveAndForgetAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The author's count by <paramref name="authorDelta"/>, each tag's by what the post's counted tags became. Tags are
    /// written in name order, so two transactions on PostgreSQL lock them in the same order and never deadlock.
    /// </summary>
    private async Task AdjustCountsAsync(
        Guid authorId, int authorDelta, IReadOnlyList<string> countedBefore, IReadOnlyList<string> countedAfter, CancellationToken cancellationToken)
    {
        if (authorDelta != 0)
        {
            await db.Users.Where(user => user.Id == authorId)
                .ExecuteUpdateAsync(set => set.SetProperty(user => user.PostCount, user => user.PostCount + authorDelta), cancellationToken);
        }

        var deltas = countedAfter.Except(countedBefore).Select(name => (Name: name, Delta: +1))
            .Concat(countedBefore.Except(countedAfter).Select(name => (Name: name, Delta: -1)))
            .OrderBy(change => change.Name, StringComparer.Ordinal);
        foreach (var (name, delta) in deltas)
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "Tags" ("Name", "PostCount") VALUES ({name}, {delta})
                ON CONFLICT ("Name") DO UPDATE SET "PostCount" = "Tags"."PostCount" + excluded."PostCount"
                """,
                cancellationToken);
        }
    }
}
