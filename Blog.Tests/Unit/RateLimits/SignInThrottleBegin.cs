using Blog.Api.RateLimits;

namespace Blog.Tests.Unit.RateLimits;

public sealed class SignInThrottleBegin
{
    private const string Address = "198.51.100.7";

    private FakeTimeProvider time = null!;
    private SignInThrottle throttle = null!;

    [SetUp]
    public void CreateThrottle()
    {
        time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));
        var options = new RateLimitingOptions { FailedSignIns = new WindowLimit { PermitLimit = 2, WindowSeconds = 300 } };
        throttle = new SignInThrottle(options, new ClientBudgets(options, time));
    }

    [TearDown]
    public void DisposeThrottle() => throttle.Dispose();

    [Test]
    public async Task RefusesAfterTheLimitOfFailuresWithTheTimeLeftAsRetryAfter()
    {
        await FailAsync();
        time.Advance(TimeSpan.FromSeconds(100));
        await FailAsync();
        time.Advance(TimeSpan.FromSeconds(50));

        await using var refused = await throttle.BeginAsync(Address);

        Assert.That(refused.IsAllowed, Is.False);
        Assert.That(refused.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(150)));
    }

    [Test]
    public async Task CountsNoSignInThatDidNotFail()
    {
        await FailAsync();
        for (var i = 0; i < 5; i++)
        {
            await using var right = await throttle.BeginAsync(Address);
            Assert.That(right.IsAllowed, Is.True);
        }

        await FailAsync();

        await using var refused = await throttle.BeginAsync(Address);
        Assert.That(refused.IsAllowed, Is.False);
    }

    [Test]
    public async Task RefusesASignInWhileTheRestOfTheBudgetIsReservedByOthersInFlight()
    {
        await FailAsync();
        await using var inFlight = await throttle.BeginAsync(Address);

        await using var next = await throttle.BeginAsync(Address);

        Assert.That(inFlight.IsAllowed, Is.True);
        Assert.That(next.IsAllowed, Is.False);
    }

    [Test]
    public async Task KeepsEachAddressApart()
    {
        await FailAsync();
        await FailAsync();

        await using var other = await throttle.BeginAsync("198.51.100.8");

        Assert.That(other.IsAllowed, Is.True);
    }

    [Test]
    public async Task AllowsEverythingWhenRateLimitingIsOff()
    {
        var offOptions = new RateLimitingOptions { Enabled = false };
        using var off = new SignInThrottle(offOptions, new ClientBudgets(offOptions, time));
        for (var i = 0; i < 20; i++)
        {
            await using var attempt = await off.BeginAsync(Address);
            Assert.That(attempt.IsAllowed, Is.True);
            attempt.Failed();
        }
    }

    private async Task FailAsync()
    {
        await using var attempt = await throttle.BeginAsync(Address);
        Assert.That(attempt.IsAllowed, Is.True);
        attempt.Failed();
    }
}
