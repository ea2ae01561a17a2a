using Microsoft.AspNetCore.HttpOverrides;

namespace Blog.Api.Composition;

/// <summary>
/// Behind a proxy, links should carry the scheme and host the client used. <c>ForwardedHeaders:Enabled</c> turns on
/// trust in <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c> (off by default: anyone could send them).
/// <c>ForwardedHeaders:KnownProxies</c> limits that trust to the proxies' addresses.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>($"{Section}:Enabled");

    public static void AddForwardedHeadersFromConfiguration(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            var proxies = configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
            if (proxies.Length > 0)
            {
                foreach (var proxy in proxies)
                {
                    options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
                }
            }
            else
            {
                // Enabled without a list: trust whichever proxy the service sits behind.
                options.KnownIPNetworks.Clear();
                options.KnownProxies.Clear();
            }
        });
}
