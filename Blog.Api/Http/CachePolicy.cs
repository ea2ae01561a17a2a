using System.Globalization;
using Blog.Api.Composition;

namespace Blog.Api.Http;

/// <summary>
/// How every response may be cached (RFC 9111), decided in this one place from the request's method and credentials
/// and the response's final status:
/// <list type="bullet">
/// <item>an anonymous GET or HEAD answered 2xx or 3xx (a 304 too, which must repeat what the 200 said):
/// <c>public, max-age=0, s-maxage=N, must-revalidate</c>. A shared cache serves it for N seconds, then revalidates it
/// with its ETag; a browser revalidates it every time. nginx stores nothing marked <c>no-cache</c> or fresh for 0
/// seconds, so the shared freshness has to be <c>s-maxage</c>.</item>
/// <item>the same read with credentials (an <c>Authorization</c> header, or a signed-in user): <c>private, no-cache</c>.
/// Only the client's own cache may keep it, and it revalidates every time.</item>
/// <item>everything else: <c>no-store</c> (with <c>private</c> when credentials were sent). That covers writes and OPTIONS,
/// whose answers are no representation to reuse, and every error (problems, 401, 429, 503, 500). An error has no
/// validator, many are about the client (its Accept, its query, its credentials, its budget: a stored 429 would
/// refuse everyone behind the cache), some are moments (503, 500), and 404 and 405 would otherwise be cacheable by
/// heuristic (RFC 9110 §15.1).</item>
/// </list>
/// An endpoint that already said <c>no-store</c> (the answer that shows a new token's secret) keeps it.
/// <c>Vary</c> names every request header that picks the representation: <c>Accept</c> (HAL or plain JSON, or 406)
/// and <c>Authorization</c> (who asks, and whether the credentials are right), so that no cache hands an anonymous
/// answer to a request with credentials; behind a trusted proxy, also <c>X-Forwarded-Host</c> and
/// <c>X-Forwarded-Proto</c>, from which the links are built.
/// </summary>
public sealed class CachePolicy
{
    public const string Private = "private, no-cache";
    public const string NoStore = "no-store";
    public const string PrivateNoStore = "private, no-store";

    public CachePolicy(HttpCachingOptions options, bool trustsForwardedHeaders)
    {
        options.Validate();
        Public = string.Create(CultureInfo.InvariantCulture, $"public, max-age=0, s-maxage={options.SharedMaxAgeSeconds}, must-revalidate");
        Vary = trustsForwardedHeaders ? "Accept, Authorization, X-Forwarded-Host, X-Forwarded-Proto" : "Accept, Authorization";
    }

    public string Public { get; }

    public string Vary { get; }

    public static CachePolicy FromConfiguration(IConfiguration configuration) =>
        new(configuration.GetSection(HttpCachingOptions.Section).Get<HttpCachingOptions>() ?? new HttpCachingOptions(),
            ForwardedHeadersSetup.IsEnabled(configuration));

    /// <param name="method">The request's method.</param>
    /// <param name="credentials">Whether the request carried credentials or was signed in.</param>
    /// <param name="status">The response's final status.</param>
    /// <param name="endpointSaidNoStore">Whether the endpoint itself forbade storing the response.</param>
    public string CacheControl(string method, bool credentials, int status, bool endpointSaidNoStore)
    {
        var reusable = (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) && status < StatusCodes.Status400BadRequest && !endpointSaidNoStore;
        return (reusable, credentials) switch
        {
            (true, false) => Public,
            (true, true) => Private,
            (false, false) => NoStore,
            (false, true) => PrivateNoStore,
        };
    }
}
