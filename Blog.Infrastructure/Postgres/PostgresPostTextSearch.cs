using Blog.Domain.Posts;
using Blog.Infrastructure.Data;
using Blog.Infrastructure.Posts;
using Microsoft.EntityFrameworkCore;

namespace Blog.Infrastructure.Postgres;

/// <summary>
/// Text search with ILIKE, which folds case by the database's character type (the cluster's locale must be a UTF-8
/// one, e.g. C.UTF-8, for letters beyond ASCII) and which pg_trgm's GIN indexes on Title and Body answer for texts of
/// three characters or more (see <see cref="PostgresBlogDbContext"/>).
/// </summary>
/// <remarks>
/// A page is one plan or the other, as the planner's estimate of the matches says (it estimates well, from the
/// columns' statistics): for a rare text, the matches from the trigram indexes, sorted; for a common one, the
/// newest-first index read until a page has matched. The count reads every match from a bitmap built from the trigram
/// indexes and tests each with ILIKE (the indexes find candidates, not certainties). That bitmap must stay exact: past
/// work_mem it keeps whole pages instead of rows, and every row of such a page is tested again. At a million posts a
/// word in 10% of them has a match on every page, and with the server's default 4 MB a third of the pages went lossy:
/// 464,000 rows tested instead of 100,000, 3.3–4.4 s instead of 0.9–1.3 s. The CountWorkMemory migration gives the
/// database's sessions 64 MB, an exact bitmap up to about ten million posts; searches run a few at a time
/// (RateLimiting:Searches), so it bounds little memory.
/// </remarks>
internal sealed class PostgresPostTextSearch(BlogDbContext db) : IPostTextSearch
{
    public Task<IQueryable<Post>> MatchingAsync(string text, CancellationToken cancellationToken)
    {
        var pattern = LikePattern.Containing(text);
        return Task.FromResult(db.Posts.Where(post =>
            EF.Functions.ILike(post.Title, pattern, LikePattern.EscapeCharacter) || EF.Functions.ILike(post.Body, pattern, LikePattern.EscapeCharacter)));
    }

    public async Task<int> CountAsync(string text, DateTime now, CancellationToken cancellationToken) =>
        await (await MatchingAsync(text, cancellationToken)).PublicAt(now).CountAsync(cancellationToken);
}
