using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class GetRootBehindConfiguredProxies(DatabaseProvider provider) : IntegrationTest(provider)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ForwardedHeaders:Enabled"] = "true",
        ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
        ["ForwardedHeaders:KnownNetworks:0"] = "192.0.2.0/24",
    };

    [TestCase("10.0.0.5")]
    [TestCase("192.0.2.77")]
    public async Task UsesWhatAConfiguredProxyForwards(string proxyAddress)
    {
        var proxy = Factory.CreateClientFrom(IPAddress.Parse(proxyAddress));

        var root = await GetRootBehindATrustedProxy.GetRootForwardedAsync(proxy, "https", "blog.example");

        Assert.That(BlogClient.Href(root, "posts"), Is.EqualTo("https://blog.example/posts"));
    }

    [Test]
    public async Task NoLongerTrustsLoopback()
    {
        var local = Factory.CreateClientFrom(IPAddress.Loopback);

        var root = await GetRootBehindATrustedProxy.GetRootForwardedAsync(local, "https", "evil.example");

        Assert.That(BlogClient.Href(root, "posts"), Is.EqualTo("http://localhost/posts"));
    }
}
