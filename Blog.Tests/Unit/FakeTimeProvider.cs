namespace Blog.Tests.Unit;

/// <summary>
/// A clock that reads the same instant until a test moves it, so that stamped dates can be asserted exactly; its
/// timestamps (what measures elapsed time) move with it.
/// </summary>
public sealed class FakeTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => Now;

    public override long GetTimestamp() => Now.UtcTicks;

    public void Advance(TimeSpan by) => Now += by;
}
