using System.Diagnostics;
using System.Globalization;
using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration.SharedLimits;

/// <summary>A short window, to see it end when its refusals said it would.</summary>
public sealed class WriteWindowAcrossInstances(DatabaseProvider provider) : TwoInstancesOnRedis(provider)
{
    private const int WindowSeconds = 5;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:Writes:PermitLimit"] = "2",
        ["RateLimiting:Writes:WindowSeconds"] = WindowSeconds.ToString(CultureInfo.InvariantCulture),
    };

    [Test]
    public async Task RetryAfterIsTheTimeLeftAndAWriteAfterItIsAllowedOnTheOtherInstance()
    {
        var (first, second) = ClientsFrom("198.51.100.41");
        var user = await first.RegisterAsync();
        var sinceTheWindowOpened = Stopwatch.StartNew();
        using (var spent = await first.CreatePostResponseAsync(user))
        using (var spentToo = await second.CreatePostResponseAsync(user))
        {
            Assert.That(new[] { spent.StatusCode, spentToo.StatusCode }, Is.All.EqualTo(HttpStatusCode.Created));
        }

        using var refused = await second.CreatePostResponseAsync(user);
        var elapsed = sinceTheWindowOpened.Elapsed.TotalSeconds;
        await BlogClient.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        var retryAfter = refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
        // The window opened at most `elapsed` ago and, Redis counting whole seconds, lasts WindowSeconds to one more.
        Assert.That(retryAfter.TotalSeconds, Is.InRange(WindowSeconds - elapsed, WindowSeconds + 1));

        await Task.Delay(retryAfter);
        using var allowed = await first.CreatePostResponseAsync(user);
        Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the window was over when Retry-After said");
    }
}
