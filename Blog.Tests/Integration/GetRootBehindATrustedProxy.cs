using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class GetRootBehindATrustedProxy(DatabaseProvider provider) : IntegrationTest(provider)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["ForwardedHeaders:Enabled"] = "true" };

    [Test]
    public async Task UsesTheSchemeAndHostThatLoopbackForwards()
    {
        var proxy = Factory.CreateClientFrom(IPAddress.Loopback);

        var root = await GetRootForwardedAsync(proxy, "https", "blog.example");

        Assert.That(BlogClient.Href(root, "posts"), Is.EqualTo("https://blog.example/posts"));
    }

    [Test]
    public async Task IgnoresForwardedHeadersFromAnAddressThatIsNotAProxy()
    {
        var stranger = Factory.CreateClientFrom(IPAddress.Parse("203.0.113.9"));

        var root = await GetRootForwardedAsync(stranger, "https", "evil.example");

        Assert.That(BlogClient.Href(root, "posts"), Is.EqualTo("http://localhost/posts"));
    }

    internal static async Task<System.Text.Json.Nodes.JsonNode> GetRootForwardedAsync(BlogClient client, string scheme, string host)
    {
        using var response = await client.SendAsync(HttpMethod.Get, "/", configure: r =>
        {
            r.Headers.Add("X-Forwarded-Proto", scheme);
            r.Headers.Add("X-Forwarded-Host", host);
        });
        return await BlogClient.ReadJsonAsync(response);
    }
}
