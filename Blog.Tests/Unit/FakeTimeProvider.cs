namespace Blog.Tests.Unit;

/// <summary>A clock that always reads the same instant, so that stamped dates can be asserted exactly.</summary>
public sealed class FakeTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
