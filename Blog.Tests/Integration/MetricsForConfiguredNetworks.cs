using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary><c>Metrics:AllowedNetworks</c> names who may read <c>/metrics</c>, in place of loopback.</summary>
public sealed class MetricsForConfiguredNetworks(DatabaseProvider provider) : IntegrationTest(provider)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Metrics:AllowedNetworks:0"] = "10.1.0.0/16",
        ["Metrics:AllowedNetworks:1"] = "2001:db8::/32",
    };

    [TestCase("10.1.2.3", HttpStatusCode.OK)]
    [TestCase("::ffff:10.1.2.3", HttpStatusCode.OK)]
    [TestCase("2001:db8::7", HttpStatusCode.OK)]
    [TestCase("10.2.0.1", HttpStatusCode.Forbidden)]
    [TestCase("127.0.0.1", HttpStatusCode.Forbidden)]
    public async Task ServesOnlyTheConfiguredNetworks(string address, HttpStatusCode expected)
    {
        using var client = Factory.CreateClientFrom(IPAddress.Parse(address)).Http;
        using var response = await client.GetAsync("/metrics");

        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }
}
