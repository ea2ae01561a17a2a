using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Blog.Api.Composition;

/// <summary>
/// Behind a proxy, the client's address (for every rate limit) and the scheme and host its links should carry come
/// from <c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c>. <c>ForwardedHeaders:Enabled</c>
/// turns that on; even then the headers are believed only from a trusted proxy: <c>ForwardedHeaders:KnownProxies</c>
/// (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR), loopback when neither is set. From anyone else
/// they are ignored, so a client can neither rewrite the links nor pose as another address.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>($"{Section}:Enabled");

    public static void AddForwardedHeadersFromConfiguration(this IServiceCollection services, IConfiguration configuration)
    {
        // Parsed here, so that a mistyped address stops the start-up rather than the first request.
        var proxies = (configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? []).Select(IPAddress.Parse).ToList();
        var networks = (configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? []).Select(System.Net.IPNetwork.Parse).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Each hop is believed only while the address that sent it is trusted, so a chain of known proxies
            // (a CDN, then nginx) is followed to the first address that is not one: the client.
            options.ForwardLimit = null;
            if (proxies.Count > 0 || networks.Count > 0)
            {
                // The defaults (loopback) are replaced, not extended: the configuration names every trusted proxy.
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var proxy in proxies)
                {
                    options.KnownProxies.Add(proxy);
                }

                foreach (var network in networks)
                {
                    options.KnownIPNetworks.Add(network);
                }
            }
        });
    }
}
