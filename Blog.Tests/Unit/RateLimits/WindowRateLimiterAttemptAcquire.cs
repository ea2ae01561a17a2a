using System.Threading.RateLimiting;
using Blog.Api.RateLimits;

namespace Blog.Tests.Unit.RateLimits;

public sealed class WindowRateLimiterAttemptAcquire
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private FakeTimeProvider time = null!;
    private WindowRateLimiter limiter = null!;

    [SetUp]
    public void CreateLimiter()
    {
        time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));
        limiter = new WindowRateLimiter(new WindowLimit { PermitLimit = 3, WindowSeconds = (int)Window.TotalSeconds }, time);
    }

    [TearDown]
    public void DisposeLimiter() => limiter.Dispose();

    [Test]
    public void RefusesPastTheLimitWithTheTimeLeftInTheWindowAsRetryAfter()
    {
        Spend(3);
        time.Advance(TimeSpan.FromSeconds(20));

        using var refused = limiter.AttemptAcquire();

        Assert.That(refused.IsAcquired, Is.False);
        Assert.That(RetryAfter(refused), Is.EqualTo(TimeSpan.FromSeconds(40)));
    }

    [Test]
    public void StartsTheWindowWithTheFirstPermitTaken()
    {
        time.Advance(TimeSpan.FromMinutes(10));
        Spend(3);
        time.Advance(TimeSpan.FromSeconds(59));

        using var refused = limiter.AttemptAcquire();

        Assert.That(RetryAfter(refused), Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void GrantsAFullBudgetAgainOnceTheWindowIsOver()
    {
        Spend(3);
        time.Advance(Window);

        Assert.That(Enumerable.Range(0, 3).Select(_ => limiter.AttemptAcquire().IsAcquired), Is.All.True);
        Assert.That(limiter.AttemptAcquire().IsAcquired, Is.False);
    }

    [Test]
    public void TakesAPermitThatWasGivenBackAgain()
    {
        Spend(2);
        var reserved = limiter.AttemptAcquire();
        WindowRateLimiter.GiveBack(reserved);
        WindowRateLimiter.GiveBack(reserved);

        Assert.That(limiter.AttemptAcquire().IsAcquired, Is.True, "the permit given back");
        Assert.That(limiter.AttemptAcquire().IsAcquired, Is.False, "a permit is given back once only");
    }

    [Test]
    public void IgnoresAPermitGivenBackAfterItsWindowEnded()
    {
        var old = limiter.AttemptAcquire();
        time.Advance(Window);
        Spend(3);

        WindowRateLimiter.GiveBack(old);

        Assert.That(limiter.AttemptAcquire().IsAcquired, Is.False);
    }

    [Test]
    public void OpensAWindowOfItsOwnForTheFirstPermitKeptAfterAllWereGivenBack()
    {
        WindowRateLimiter.GiveBack(limiter.AttemptAcquire());
        time.Advance(TimeSpan.FromSeconds(30));
        Spend(3);
        time.Advance(TimeSpan.FromSeconds(30));

        using var refused = limiter.AttemptAcquire();

        Assert.That(RetryAfter(refused), Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void AnswersAskingForNoPermitWithoutSpendingOne()
    {
        Spend(2);

        Assert.That(limiter.AttemptAcquire(0).IsAcquired, Is.True);
        Assert.That(limiter.AttemptAcquire().IsAcquired, Is.True);
        Assert.That(limiter.AttemptAcquire(0).IsAcquired, Is.False);
    }

    private void Spend(int permits)
    {
        for (var i = 0; i < permits; i++)
        {
            Assert.That(limiter.AttemptAcquire().IsAcquired, Is.True, $"permit {i + 1} of {permits}");
        }
    }

    private static TimeSpan? RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null;
}
