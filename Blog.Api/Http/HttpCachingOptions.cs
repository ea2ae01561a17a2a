namespace Blog.Api.Http;

/// <summary>The <c>HttpCaching</c> section of the configuration (see <see cref="CachePolicy"/>).</summary>
public sealed class HttpCachingOptions
{
    public const string Section = "HttpCaching";

    /// <summary>A year, the most RFC 9111 §1.2.2 expects a cache to keep anything fresh; far past any sensible value.</summary>
    private const int MaxSharedMaxAgeSeconds = 365 * 24 * 60 * 60;

    /// <summary>
    /// How long a shared cache (nginx, a CDN) may serve an anonymous read before it asks the service again
    /// (<c>s-maxage</c>): the longest that readers behind it can lag a change. Small, because nothing tells a shared
    /// cache that a post changed. 0 lets it keep nothing fresh (nginx then stores nothing).
    /// </summary>
    public int SharedMaxAgeSeconds { get; set; } = 5;

    /// <summary>Stops the start-up on a value no cache could honour, rather than sending it on every read.</summary>
    public void Validate()
    {
        if (SharedMaxAgeSeconds is < 0 or > MaxSharedMaxAgeSeconds)
        {
            throw new InvalidOperationException($"{Section}:SharedMaxAgeSeconds must be from 0 to {MaxSharedMaxAgeSeconds} (a year).");
        }
    }
}
