using System.Diagnostics;
using System.Net;
using Blog.Infrastructure.Data;
using StackExchange.Redis;

namespace Blog.Tests.Integration.SharedLimits;

/// <summary>Redis that answers, but too late (paused with CLIENT PAUSE): a request waits for it only as long as asyncTimeout, the next not at all.</summary>
public sealed class RateLimitsWhileRedisIsSlow(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(4);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // A timeout shorter than the pause (StackExchange.Redis's own, 5 s, is the service's default).
        ["Redis:Configuration"] = TestServers.RedisConfiguration + ",asyncTimeout=500",
        ["Redis:KeyPrefix"] = $"test-{Guid.NewGuid():N}:",
    };

    [Test]
    public async Task AWriteIsServedWithoutWaitingForAPausedRedis()
    {
        var user = await Client.RegisterAsync();
        using (var beforePause = await Client.CreatePostResponseAsync(user))
        {
            Assert.That(beforePause.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        await using var admin = await ConnectionMultiplexer.ConnectAsync(TestServers.RedisConfiguration + ",allowAdmin=true");
        await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", ((int)Pause.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture), "ALL");
        var elapsed = Stopwatch.StartNew();
        HttpStatusCode[] statuses;
        TimeSpan first, both;
        try
        {
            using var during = await Client.CreatePostResponseAsync(user);
            first = elapsed.Elapsed;
            using var next = await Client.CreatePostResponseAsync(user);
            both = elapsed.Elapsed;
            statuses = [during.StatusCode, next.StatusCode];
        }
        finally
        {
            // Nothing else may talk to Redis until the pause is over (CLIENT UNPAUSE would wait for it too).
            await admin.GetDatabase().PingAsync();
        }

        await TestContext.Out.WriteLineAsync($"two writes while Redis was paused: {first.TotalMilliseconds:F0} ms, then {(both - first).TotalMilliseconds:F0} ms");
        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.Created));
            Assert.That(first, Is.LessThan(Pause / 2), "the first write waited for Redis only as long as the timeout");
            Assert.That(both - first, Is.LessThan(TimeSpan.FromMilliseconds(250)), "the next one did not ask Redis again");
        });
    }
}
