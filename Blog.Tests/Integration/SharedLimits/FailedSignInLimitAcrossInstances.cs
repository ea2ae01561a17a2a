using System.Net;
using Blog.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Blog.Tests.Integration.SharedLimits;

public sealed class FailedSignInLimitAcrossInstances(DatabaseProvider provider) : TwoInstancesOnRedis(provider)
{
    private const int Limit = 10;
    private const int Guesses = 200;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:FailedSignIns:PermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:FailedSignIns:WindowSeconds"] = "300",
    };

    [Test]
    public async Task TwoHundredWrongPasswordsAtOnceOverTwoInstancesGetExactlyTheLimitOf401s()
    {
        var user = await new BlogClient(First.CreateClient()).RegisterAsync();
        var (first, second) = ClientsFrom("198.51.100.60");
        HttpStatusCode[] statuses;
        // As in FailedSignInLimitUnderConcurrentGuesses: a thread for each guess, so that all of them overlap.
        ThreadPool.GetMinThreads(out var workers, out var ports);
        ThreadPool.SetMinThreads(Guesses + workers, ports);
        try
        {
            using var start = new ManualResetEventSlim();
            var guesses = Enumerable.Range(0, Guesses).Select(i => Task.Run(async () =>
            {
                start.Wait();
                var instance = i % 2 == 0 ? first : second;
                using var response = await instance.SendAsync(HttpMethod.Get, "/me", configure: r => r.Headers.Authorization = BlogClient.Basic(user, $"guess {i}"));
                return response.StatusCode;
            })).ToList();
            start.Set();
            statuses = await Task.WhenAll(guesses);
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, ports);
        }

        var counts = statuses.GroupBy(status => status).ToDictionary(group => group.Key, group => group.Count());
        await TestContext.Out.WriteLineAsync($"{Guesses} wrong passwords at once over two instances: {string.Join(", ", counts.Select(c => $"{(int)c.Key} × {c.Value}"))}");
        Assert.That(counts, Is.EquivalentTo(new Dictionary<HttpStatusCode, int>
        {
            [HttpStatusCode.Unauthorized] = Limit,
            [HttpStatusCode.TooManyRequests] = Guesses - Limit,
        }));
    }

    [Test]
    public async Task RightPasswordsOnEitherInstanceAreNotCountedAsFailures()
    {
        var user = await new BlogClient(First.CreateClient()).RegisterAsync();
        var (first, second) = ClientsFrom("198.51.100.61");
        var passwords = Enumerable.Range(0, Limit - 2).Select(i => $"wrong {i}")
            .Concat(Enumerable.Repeat(BlogClient.Password, 5))
            .Concat(["wrong again", "wrong once more", BlogClient.Password]);
        var statuses = new List<HttpStatusCode>();
        var i = 0;
        foreach (var password in passwords)
        {
            using var response = await (i++ % 2 == 0 ? first : second).SendAsync(HttpMethod.Get, "/me", configure: r => r.Headers.Authorization = BlogClient.Basic(user, password));
            statuses.Add(response.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(
            Enumerable.Repeat(HttpStatusCode.Unauthorized, Limit - 2)
                .Concat(Enumerable.Repeat(HttpStatusCode.OK, 5))
                .Concat([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests])));
    }

    [Test]
    public async Task AWindowIsOpenedByAFailureAndNotByARightSignIn()
    {
        var user = await new BlogClient(First.CreateClient()).RegisterAsync();
        var (first, second) = ClientsFrom("198.51.100.62");
        foreach (var instance in new[] { first, second, first })
        {
            using var response = await instance.SendAsync(HttpMethod.Get, "/me", user);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var afterRightOnes = WindowKeys("198.51.100.62");
        using (var wrong = await second.SendAsync(HttpMethod.Get, "/me", configure: r => r.Headers.Authorization = BlogClient.Basic(user, "wrong")))
        {
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        // As in memory: a sign-in that did not fail gives back its window with its permit, so the next failure opens a window of its own.
        Assert.That(afterRightOnes, Is.Empty);
        Assert.That(WindowKeys("198.51.100.62"), Is.Not.Empty, "the failure is counted in Redis");
    }

    private List<RedisKey> WindowKeys(string address)
    {
        var redis = First.Services.GetRequiredService<IConnectionMultiplexer>();
        return [.. redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: $"*{KeyPrefix}failed sign-ins by address {address}*")];
    }
}
