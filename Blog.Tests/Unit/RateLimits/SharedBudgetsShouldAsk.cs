using Blog.Api.RateLimits;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using StackExchange.Redis;

namespace Blog.Tests.Unit.RateLimits;

public sealed class SharedBudgetsShouldAsk
{
    private FakeTimeProvider time = null!;
    private SharedBudgets budgets = null!;

    [SetUp]
    public void CreateBudgets()
    {
        time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));
        budgets = new SharedBudgets(Mock.Of<IConnectionMultiplexer>(), "test:", time, NullLogger<SharedBudgets>.Instance);
    }

    [Test]
    public void AsksRedisForEveryRequestWhileItAnswers()
    {
        Assert.That(Enumerable.Range(0, 3).Select(_ => budgets.ShouldAsk()), Is.All.True);
    }

    [Test]
    public void AsksNoRequestForFiveSecondsAfterRedisDidNotAnswer()
    {
        budgets.DidNotAnswer(new TimeoutException("late"));
        time.Advance(TimeSpan.FromSeconds(4.9));

        Assert.That(budgets.ShouldAsk(), Is.False);
    }

    [Test]
    public void ThenAsksOneRequestEveryFiveSecondsUntilOneIsAnswered()
    {
        budgets.DidNotAnswer(new TimeoutException("late"));
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.That(new[] { budgets.ShouldAsk(), budgets.ShouldAsk() }, Is.EqualTo(new[] { true, false }), "one request tries Redis again");
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.That(new[] { budgets.ShouldAsk(), budgets.ShouldAsk() }, Is.EqualTo(new[] { true, false }), "its answer never came: the next one tries");

        budgets.Answered();
        Assert.That(new[] { budgets.ShouldAsk(), budgets.ShouldAsk() }, Is.All.True);
    }
}
