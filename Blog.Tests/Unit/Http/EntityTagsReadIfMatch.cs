using Blog.Api.Http;
using Blog.Domain;
using Blog.Domain.Posts;
using Microsoft.AspNetCore.Http;

namespace Blog.Tests.Unit.Http;

public sealed class EntityTagsReadIfMatch
{
    private static readonly Guid PostId = Guid.CreateVersion7();
    private static readonly Guid OtherPostId = Guid.CreateVersion7();

    [Test]
    public void AcceptsAnyVersionWithoutTheHeader()
    {
        var expected = EntityTags.ReadIfMatch(new DefaultHttpContext().Request, PostId);

        Assert.That(expected.IsAny, Is.True);
    }

    [Test]
    public void AcceptsAnyVersionGivenAStar() => Assert.That(Read("*").IsAny, Is.True);

    [Test]
    public void AcceptsOnlyTheVersionInThePostsOwnTag()
    {
        var expected = Read(TagOf(PostId, 3));

        Assert.Multiple(() =>
        {
            Assert.That(expected.IsAny, Is.False);
            Assert.That(expected.IsSatisfiedBy(3), Is.True);
            Assert.That(expected.IsSatisfiedBy(2), Is.False);
            Assert.That(expected.IsSatisfiedBy(4), Is.False);
        });
    }

    [Test]
    public void AcceptsEachVersionListed()
    {
        var expected = Read($"{TagOf(PostId, 2)}, {TagOf(PostId, 5)}");

        Assert.That(new long[] { 1, 2, 3, 4, 5, 6 }.Where(expected.IsSatisfiedBy), Is.EqualTo(new long[] { 2, 5 }));
    }

    [Test]
    public void AcceptsTheTagThatTheResponseCarries()
    {
        var post = Post.Create(new PostContent("Title", "Body"), new Actor(Guid.NewGuid(), "rick"), DateTimeOffset.UtcNow);

        var expected = Read(EntityTags.For(post).ToString(), post.Id);

        Assert.That(expected.IsSatisfiedBy(post.Version), Is.True);
    }

    [Test]
    public void MatchesNothingGivenATagOfAnotherPost() => AssertMatchesNothing(Read(TagOf(OtherPostId, 1)));

    [Test]
    public void MatchesNothingGivenAWeakTag() => AssertMatchesNothing(Read("W/" + TagOf(PostId, 1)));

    [TestCase("garbage")]
    [TestCase("\"unterminated")]
    public void MatchesNothingGivenAHeaderThatDoesNotParse(string header) => AssertMatchesNothing(Read(header));

    [TestCase("\"{0:N}-\"")]
    [TestCase("\"{0:N}-0\"")]
    [TestCase("\"{0:N}--1\"")]
    [TestCase("\"{0:N}-x\"")]
    [TestCase("\"{0:N}-99999999999999999999\"")]
    [TestCase("\"{0:D}-1\"")]
    public void MatchesNothingGivenAMalformedVersion(string format) =>
        AssertMatchesNothing(Read(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, PostId)));

    private static string TagOf(Guid id, long version) => $"\"{id:N}-{version}\"";

    private static ExpectedVersion Read(string header, Guid? postId = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.IfMatch = header;
        return EntityTags.ReadIfMatch(context.Request, postId ?? PostId);
    }

    private static void AssertMatchesNothing(ExpectedVersion expected) => Assert.Multiple(() =>
    {
        Assert.That(expected.IsAny, Is.False);
        Assert.That(new long[] { 0, 1, 2, 3, long.MaxValue }.Where(expected.IsSatisfiedBy), Is.Empty);
    });
}
