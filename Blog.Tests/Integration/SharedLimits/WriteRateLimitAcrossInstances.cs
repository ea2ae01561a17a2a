using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration.SharedLimits;

public sealed class WriteRateLimitAcrossInstances(DatabaseProvider provider) : TwoInstancesOnRedis(provider)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:Writes:PermitLimit"] = "3",
        ["RateLimiting:Writes:WindowSeconds"] = "60",
    };

    [Test]
    public async Task AWriteBudgetSpentOnBothInstancesGets429WithRetryAfterOnEither()
    {
        var (first, second) = ClientsFrom("198.51.100.40");
        var user = await first.RegisterAsync();
        var statuses = new List<HttpStatusCode>();
        foreach (var instance in new[] { first, second, first })
        {
            using var response = await instance.CreatePostResponseAsync(user);
            statuses.Add(response.StatusCode);
        }

        using var onSecond = await second.CreatePostResponseAsync(user);
        using var onFirst = await first.CreatePostResponseAsync(user);
        using var otherUser = await second.CreatePostResponseAsync(await second.RegisterAsync());

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.Created));
        var problem = await BlogClient.AssertProblemAsync(onSecond, HttpStatusCode.TooManyRequests);
        await BlogClient.AssertProblemAsync(onFirst, HttpStatusCode.TooManyRequests);
        Assert.Multiple(() =>
        {
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Retry-After"));
            Assert.That(onSecond.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(59, 61), "the time left in a window that just opened");
            Assert.That(onFirst.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(59, 61));
            Assert.That(otherUser.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the budget is per user");
        });
    }
}
