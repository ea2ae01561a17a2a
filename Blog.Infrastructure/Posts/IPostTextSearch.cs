using Blog.Domain.Posts;

namespace Blog.Infrastructure.Posts;

/// <summary>
/// Text search (<c>q</c>) on the configured database: posts whose title or body contains the text, without regard to
/// case. Each database answers it through its own index.
/// </summary>
internal interface IPostTextSearch
{
    Task<IQueryable<Post>> MatchingAsync(string text, CancellationToken cancellationToken);

    /// <summary>How many public posts (at <paramref name="now"/>) of every author match.</summary>
    Task<int> CountAsync(string text, DateTime now, CancellationToken cancellationToken);
}
