using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration.SharedLimits;

public sealed class ReadRateLimitAcrossInstances(DatabaseProvider provider) : TwoInstancesOnRedis(provider)
{
    private const int Burst = 5;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:Reads:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:Reads:PermitsPerSecond"] = "1",
    };

    [Test]
    public async Task ReadsSpreadOverBothInstancesSpendOneBudget()
    {
        // Each instance answers once first (from elsewhere), so that the reads below take milliseconds, not a warm-up.
        var (warmFirst, warmSecond) = ClientsFrom("198.51.100.50");
        using (await warmFirst.SendAsync(HttpMethod.Get, "/posts"))
        using (await warmSecond.SendAsync(HttpMethod.Get, "/posts"))
        {
        }

        var (first, second) = ClientsFrom("198.51.100.51");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        // Alone, each instance would allow its own burst: 2 × Burst reads in a row before any refusal.
        for (var i = 0; i < 2 * Burst && limited is null; i++)
        {
            var response = await (i % 2 == 0 ? first : second).SendAsync(HttpMethod.Get, "/posts");
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

        Assert.That(limited, Is.Not.Null, $"{2 * Burst} reads over two instances were all answered: {string.Join(", ", statuses)}");
        using (limited)
        {
            var problem = await BlogClient.AssertProblemAsync(limited!, HttpStatusCode.TooManyRequests);
            Assert.Multiple(() =>
            {
                Assert.That(statuses.Take(Burst), Is.All.EqualTo(HttpStatusCode.OK));
                // The burst, and at most a refill or two while the reads were sent.
                Assert.That(statuses, Has.Count.LessThanOrEqualTo(Burst + 3));
                Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Retry-After"));
                Assert.That(limited!.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)), "the bucket gains a read every second");
            });
        }

        using var health = await second.SendAsync(HttpMethod.Get, "/health");
        using var otherAddress = await First.CreateClientFrom(IPAddress.Parse("198.51.100.52")).SendAsync(HttpMethod.Get, "/posts");
        Assert.Multiple(() =>
        {
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK), "/health is never limited, and Redis answers");
            Assert.That(otherAddress.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the budget is per client address");
        });
    }
}
