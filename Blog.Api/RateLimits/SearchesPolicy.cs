using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Blog.Api.RateLimits;

/// <summary>
/// Searches (<c>GET /posts?q=</c>) are the one read whose cost grows with the data (a long text of common words
/// took over a second at 20,000 posts), so few run at once, for everyone together: a few more wait briefly for a
/// place, and the rest are answered 503 at once, which costs next to nothing. Without it, 32 clients searching kept
/// every core busy and a GET of one post waited seconds.
/// </summary>
public sealed class SearchesPolicy(RateLimitingOptions options) : IRateLimiterPolicy<string>
{
    public const string Name = "searches";

    /// <summary>Places free up as searches end, which takes well under a second unless the service is swamped.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, _) =>
        RateLimitingSetup.WriteRefusalAsync(
            context.HttpContext,
            StatusCodes.Status503ServiceUnavailable,
            context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : RetryAfter,
            "Too many searches are running; search again after the time in Retry-After.");

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        options.Enabled && IsSearch(httpContext.Request)
            ? RateLimitPartition.Get(Name, _ => new WaitBoundedLimiter(
                new ConcurrencyLimiter(new ConcurrencyLimiterOptions
                {
                    PermitLimit = options.Searches.ConcurrencyLimit,
                    QueueLimit = options.Searches.QueueLimit,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                }),
                options.Searches.QueueTimeout,
                RetryAfter))
            : RateLimitPartition.GetNoLimiter(string.Empty);

    /// <summary>An empty <c>q</c> filters nothing (see PostService), so it is no search.</summary>
    private static bool IsSearch(HttpRequest request) => request.Query.TryGetValue("q", out var text) && !string.IsNullOrEmpty(text.ToString());
}
