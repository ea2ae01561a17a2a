using Blog.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Api.Composition;

/// <summary>Whether <c>/metrics</c> is served (<c>Metrics:Enabled</c>), and to whom (<c>Metrics:AllowedNetworks</c>).</summary>
public sealed class MetricsEndpoint(bool enabled, IReadOnlyList<System.Net.IPNetwork> allowedNetworks)
{
    public const string Section = "Metrics";

    private static readonly System.Net.IPNetwork[] Loopback = [System.Net.IPNetwork.Parse("127.0.0.0/8"), System.Net.IPNetwork.Parse("::1/128")];

    public bool Enabled { get; } = enabled;

    public IReadOnlyList<System.Net.IPNetwork> AllowedNetworks { get; } = allowedNetworks;

    /// <summary>Parsed at start-up, so that a mistyped network stops the service rather than every scrape.</summary>
    public static MetricsEndpoint FromConfiguration(IConfiguration configuration)
    {
        var networks = configuration.GetSection($"{Section}:AllowedNetworks").Get<string[]>() ?? [];
        return new MetricsEndpoint(
            configuration.GetValue($"{Section}:Enabled", defaultValue: true),
            networks.Length == 0 ? Loopback : [.. networks.Select(System.Net.IPNetwork.Parse)]);
    }

    /// <summary>
    /// Refuses a client outside the allowed networks, and marks what the others get <c>no-store</c>: a scrape is a
    /// moment, and a shared cache in front (which keys on the URL, not on the client's address) must never hand it to
    /// a client that would have been refused.
    /// </summary>
    public Task ServeOnlyToAllowedNetworksAsync(HttpContext context, RequestDelegate next)
    {
        if (!Allows(context))
        {
            return RefuseAsync(context);
        }

        context.Response.Headers.CacheControl = CachePolicy.NoStore;
        return next(context);
    }

    /// <summary>The client's address (behind a trusted proxy, the one it forwarded) is in an allowed network.</summary>
    public bool Allows(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
        && AllowedNetworks.Any(network => network.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));

    private static Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Detail = "Metrics are served only to the monitoring networks (Metrics:AllowedNetworks).",
            },
        }).AsTask();
    }
}
