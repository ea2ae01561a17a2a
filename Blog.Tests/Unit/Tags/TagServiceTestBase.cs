using Blog.Domain.Tags;
using Moq;

namespace Blog.Tests.Unit.Tags;

/// <summary>A <see cref="TagService"/> over a mocked repository and a clock that stands still.</summary>
public abstract class TagServiceTestBase
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, 123, TimeSpan.Zero);

    protected Mock<ITagRepository> Tags { get; private set; } = null!;

    protected TagService Service { get; private set; } = null!;

    [SetUp]
    public void SetUpService()
    {
        Tags = new Mock<ITagRepository>(MockBehavior.Strict);
        Service = new TagService(Tags.Object, new FakeTimeProvider(Now));
    }
}
