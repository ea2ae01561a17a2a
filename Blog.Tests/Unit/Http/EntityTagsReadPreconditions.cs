using System.Globalization;
using Blog.Api.Http;
using Blog.Domain;
using Blog.Domain.Posts;
using Microsoft.AspNetCore.Http;

namespace Blog.Tests.Unit.Http;

public sealed class EntityTagsReadPreconditions
{
    private static readonly Guid PostId = Guid.CreateVersion7();
    private static readonly Guid OtherPostId = Guid.CreateVersion7();
    private static readonly DateTimeOffset Posted = new(2026, 11, 21, 10, 0, 0, 500, TimeSpan.Zero);

    [Test]
    public void SetsNoConditionWithoutHeaders() => Assert.That(Read().IsNone, Is.True);

    [Test]
    public void SetsNoConditionGivenAStarAlone() => Assert.That(Read(ifMatch: "*").IsNone, Is.True);

    [Test]
    public void MatchesOnlyTheVersionsListedInThePostsOwnTags()
    {
        var preconditions = Read(ifMatch: $"{TagOf(PostId, 2)}, {TagOf(PostId, 5)}");

        Assert.That(preconditions.MatchingVersions, Is.EquivalentTo(new long[] { 2, 5 }));
    }

    [Test]
    public void MatchesTheTagThatTheResponseCarries()
    {
        var post = Post.Create(new PostContent("Title", "Body"), new Actor(Guid.NewGuid(), "rick"), Posted);

        Assert.That(Read(ifMatch: EntityTags.For(post).ToString(), postId: post.Id).AreMetBy(post), Is.True);
    }

    [Test]
    public void MatchesNothingGivenAStarInAList() => AssertMatchesNothing(Read(ifMatch: "\"bogus\", *"));

    [Test]
    public void MatchesNothingGivenATagOfAnotherPost() => AssertMatchesNothing(Read(ifMatch: TagOf(OtherPostId, 1)));

    [Test]
    public void MatchesNothingGivenAWeakTag() => AssertMatchesNothing(Read(ifMatch: "W/" + TagOf(PostId, 1)));

    [TestCase("garbage")]
    [TestCase("\"unterminated")]
    public void MatchesNothingGivenAHeaderThatDoesNotParse(string header) => AssertMatchesNothing(Read(ifMatch: header));

    [TestCase("\"{0:N}-\"")]
    [TestCase("\"{0:N}-0\"")]
    [TestCase("\"{0:N}-01\"")]
    [TestCase("\"{0:N}-008\"")]
    [TestCase("\"{0:N}--1\"")]
    [TestCase("\"{0:N}-x\"")]
    [TestCase("\"{0:N}-99999999999999999999\"")]
    [TestCase("\"{0:D}-1\"")]
    public void MatchesNothingGivenATagThatIsNotExactlyAVersionTag(string format) =>
        AssertMatchesNothing(Read(ifMatch: string.Format(CultureInfo.InvariantCulture, format, PostId)));

    [Test]
    public void ExcludesEveryVersionGivenIfNoneMatchStar() => Assert.That(Read(ifNoneMatch: "*").ExcludesEveryVersion, Is.True);

    [Test]
    public void ExcludesTheVersionsIfNoneMatchNamesWeaklyOrStrongly() =>
        Assert.That(Read(ifNoneMatch: $"W/{TagOf(PostId, 3)}, {TagOf(PostId, 4)}").ExcludedVersions, Is.EquivalentTo(new long[] { 3, 4 }));

    [Test]
    public void ReadsIfUnmodifiedSinceWithoutIfMatch() =>
        Assert.That(Read(ifUnmodifiedSince: "Sat, 21 Nov 2026 10:00:00 GMT").UnmodifiedSince, Is.EqualTo(Posted.AddMilliseconds(-500)));

    [Test]
    public void IgnoresIfUnmodifiedSinceBesideIfMatch() =>
        Assert.That(Read(ifMatch: TagOf(PostId, 1), ifUnmodifiedSince: "Sat, 21 Nov 2026 10:00:00 GMT").UnmodifiedSince, Is.Null);

    [Test]
    public void IgnoresAnIfUnmodifiedSinceThatIsNotADate() => Assert.That(Read(ifUnmodifiedSince: "yesterday").IsNone, Is.True);

    private static string TagOf(Guid id, long version) => $"\"{id:N}-{version}\"";

    private static WritePreconditions Read(string? ifMatch = null, string? ifNoneMatch = null, string? ifUnmodifiedSince = null, Guid? postId = null)
    {
        var request = new DefaultHttpContext().Request;
        if (ifMatch is not null)
        {
            request.Headers.IfMatch = ifMatch;
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch = ifNoneMatch;
        }

        if (ifUnmodifiedSince is not null)
        {
            request.Headers.IfUnmodifiedSince = ifUnmodifiedSince;
        }

        return EntityTags.ReadPreconditions(request, postId ?? PostId);
    }

    private static void AssertMatchesNothing(WritePreconditions preconditions) => Assert.Multiple(() =>
    {
        Assert.That(preconditions.IsNone, Is.False);
        Assert.That(preconditions.MatchingVersions, Is.Empty);
    });
}
