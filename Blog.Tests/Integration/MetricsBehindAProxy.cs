using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary>
/// <c>/metrics</c> behind a trusted proxy (loopback), with a read budget of one request: the proxy's own scrapes are
/// served, a client it forwards is not, and scrapes never spend from the budget.
/// </summary>
public sealed class MetricsBehindAProxy(DatabaseProvider provider) : IntegrationTest(provider)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ForwardedHeaders:Enabled"] = "true",
        ["RateLimiting:Reads:Burst"] = "1",
        ["RateLimiting:Reads:PermitsPerSecond"] = "1",
    };

    [Test]
    public async Task RefusesAClientForwardedByTheProxy()
    {
        using var proxy = Factory.CreateClientFrom(IPAddress.Loopback).Http;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var response = await proxy.SendAsync(request);

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task ScrapesAreNotRateLimited()
    {
        using var monitor = Factory.CreateClientFrom(IPAddress.Parse("127.0.0.2")).Http;
        using (var first = await monitor.GetAsync("/"))
        using (var second = await monitor.GetAsync("/"))
        {
            Assert.That((first.StatusCode, second.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.TooManyRequests)), "the read budget is spent");
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var scrape = await monitor.GetAsync("/metrics");
            statuses.Add(scrape.StatusCode);
        }

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK));
    }
}
