using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class ReadRateLimit(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const int Burst = 5;

    /// <summary>Enough reads that a bucket refilling one a second must run dry, however slowly they are sent.</summary>
    private const int Reads = 40;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:Reads:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:Reads:PermitsPerSecond"] = "1",
    };

    [Test]
    public async Task ReadsOverTheBudgetGet429WithRetryAfterAndOtherClientsAndHealthDoNot()
    {
        var user = await Factory.CreateClientFrom(IPAddress.Parse("198.51.100.30")).RegisterAsync();
        var reader = Factory.CreateClientFrom(IPAddress.Parse("198.51.100.31"));
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < Reads && limited is null; i++)
        {
            var response = await reader.SendAsync(HttpMethod.Get, "/posts");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.That(statuses.Take(Burst), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(limited, Is.Not.Null, $"{Reads} reads in a row were all answered");
        using (limited)
        {
            var problem = await BlogClient.AssertProblemAsync(limited!, HttpStatusCode.TooManyRequests);
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Retry-After"));
            Assert.That(limited!.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)), "the bucket gains a read every second");
        }

        using var health = await reader.SendAsync(HttpMethod.Get, "/health");
        using var signedIn = await reader.SendAsync(HttpMethod.Get, "/me", user);
        using var otherAddress = await Factory.CreateClientFrom(IPAddress.Parse("198.51.100.32")).SendAsync(HttpMethod.Get, "/posts");
        Assert.Multiple(() =>
        {
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK), "/health is never limited");
            Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a signed-in user has a budget of their own");
            Assert.That(otherAddress.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the budget is per client address");
        });
    }
}
