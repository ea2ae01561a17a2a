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
internal sealed class PostgresPostTextSearch(BlogDbContext db) : IPostTextSearch
{
    public Task<IQueryable<Post>> MatchingAsync(string text, CancellationToken cancellationToken)
    {
        var pattern = LikePattern.Containing(text);
        return Task.FromResult(db.Posts.Where(post =>
            EF.Functions.ILike(post.Title, pattern, LikePattern.EscapeCharacter) || EF.Functions.ILike(post.Body, pattern, LikePattern.EscapeCharacter)));
    }

    public async Task<int> CountAsync(string text, CancellationToken cancellationToken) =>
        await (await MatchingAsync(text, cancellationToken)).CountAsync(cancellationToken);
}
