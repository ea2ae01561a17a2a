using Blog.Domain;
using Blog.Domain.Posts;

namespace Blog.Tests.Unit.Posts;

public sealed class WritePreconditionsAreMetBy
{
    private static readonly DateTimeOffset Updated = new(2026, 11, 21, 10, 0, 0, 500, TimeSpan.Zero);

    private readonly Post post = Post.Create(new PostContent("Title", "Body"), new Actor(Guid.NewGuid(), "rick"), Updated);

    [Test]
    public void HoldsWithoutConditions() => Assert.That(WritePreconditions.None.AreMetBy(post), Is.True);

    [TestCase(1, true)]
    [TestCase(2, false)]
    public void HoldOnlyForAMatchingVersion(long version, bool met) =>
        Assert.That(new WritePreconditions { MatchingVersions = new HashSet<long> { version } }.AreMetBy(post), Is.EqualTo(met));

    [Test]
    public void FailForAnExistingPostGivenIfNoneMatchStar() =>
        Assert.That(new WritePreconditions { ExcludesEveryVersion = true }.AreMetBy(post), Is.False);

    [TestCase(1, false)]
    [TestCase(2, true)]
    public void FailOnlyForAnExcludedVersion(long version, bool met) =>
        Assert.That(new WritePreconditions { ExcludedVersions = new HashSet<long> { version } }.AreMetBy(post), Is.EqualTo(met));

    /// <summary>An HTTP date has whole seconds: a post changed at 10:00:00.500 has not changed since 10:00:00.</summary>
    [TestCase(-1, false)]
    [TestCase(0, true)]
    [TestCase(1, true)]
    public void HoldOnlyIfThePostHasNotChangedSince(int seconds, bool met) => Assert.That(
        new WritePreconditions { UnmodifiedSince = Updated.AddMilliseconds(-500).AddSeconds(seconds) }.AreMetBy(post), Is.EqualTo(met));
}
