using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary>The shared freshness comes from HttpCaching:SharedMaxAgeSeconds; behind a trusted proxy, Vary also names the forwarded headers the links are built from.</summary>
public sealed class CacheHeadersConfigured(DatabaseProvider provider) : IntegrationTest(provider)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["HttpCaching:SharedMaxAgeSeconds"] = "60",
        ["ForwardedHeaders:Enabled"] = "true",
    };

    [Test]
    public async Task AnAnonymousReadIsPublicForTheConfiguredTime()
    {
        using var response = await Client.Http.GetAsync("/posts");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        CacheHeaders.AssertPublic(response, TimeSpan.FromSeconds(60));
    }

    [Test]
    public async Task VaryNamesTheForwardedHostAndScheme()
    {
        var proxy = Factory.CreateClientFrom(IPAddress.Loopback);

        using var response = await proxy.SendAsync(HttpMethod.Get, "/", configure: r => r.Headers.Add("X-Forwarded-Host", "blog.example"));

        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("http://blog.example/posts"), "the links follow the forwarded host");
        CacheHeaders.AssertVary(response, "X-Forwarded-Host", "X-Forwarded-Proto");
    }
}
