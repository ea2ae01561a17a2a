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
        throttle = new SignInThrottle(options, time);
    }

    [TearDown]
    public void DisposeThrottle() => throttle.Dispose();

    [Test]
    public void RefusesAfterTheLimitOfFailuresWithTheTimeLeftAsRetryAfter()
    {
        Fail();
        time.Advance(TimeSpan.FromSeconds(100));
        Fail();
        time.Advance(TimeSpan.FromSeconds(50));

        using var refused = throttle.Begin(Address);

        Assert.That(refused.IsAllowed, Is.False);
        Assert.That(refused.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(150)));
    }

    [Test]
    public void CountsNoSignInThatDidNotFail()
    {
        Fail();
        for (var i = 0; i < 5; i++)
        {
            using var right = throttle.Begin(Address);
            Assert.That(right.IsAllowed, Is.True);
        }

        Fail();

        using var refused = throttle.Begin(Address);
        Assert.That(refused.IsAllowed, Is.False);
    }

    [Test]
    public void RefusesASignInWhileTheRestOfTheBudgetIsReservedByOthersInFlight()
    {
        Fail();
        using var inFlight = throttle.Begin(Address);

        using var next = throttle.Begin(Address);

        Assert.That(inFlight.IsAllowed, Is.True);
        Assert.That(next.IsAllowed, Is.False);
    }

    [Test]
    public void KeepsEachAddressApart()
    {
        Fail();
        Fail();

        using var other = throttle.Begin("198.51.100.8");

        Assert.That(other.IsAllowed, Is.True);
    }

    [Test]
    public void AllowsEverythingWhenRateLimitingIsOff()
    {
        using var off = new SignInThrottle(new RateLimitingOptions { Enabled = false }, time);
        for (var i = 0; i < 20; i++)
        {
            using var attempt = off.Begin(Address);
            Assert.That(attempt.IsAllowed, Is.True);
            attempt.Failed();
        }
    }

    private void Fail()
    {
        using var attempt = throttle.Begin(Address);
        Assert.That(attempt.IsAllowed, Is.True);
        attempt.Failed();
    }
}
