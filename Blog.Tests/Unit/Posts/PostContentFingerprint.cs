using System.Security.Cryptography;
using System.Text;
using Blog.Domain.Posts;

namespace Blog.Tests.Unit.Posts;

/// <summary>The digest an Idempotency-Key's first request is remembered by.</summary>
public sealed class PostContentFingerprint
{
    private static readonly DateTime Instant = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public void IsTheDigestReleasesBeforeV2GaveAGivenTitleAndBodyAlone()
    {
        // What a key remembered before tags and publishing existed was made of; such a key must still replay.
        var v1 = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("5:Title\nBody")));

        Assert.That(new PostContent("Title", "Body").Fingerprint(null), Is.EqualTo(v1));
    }

    [Test]
    public void TellsTagsApart()
    {
        var none = new PostContent("Title", "Body").Fingerprint(null);
        var empty = new PostContent("Title", "Body", []).Fingerprint(null);
        var one = new PostContent("Title", "Body", ["dotnet"]).Fingerprint(null);
        var other = new PostContent("Title", "Body", ["http"]).Fingerprint(null);

        Assert.That(new[] { none, empty, one, other }, Is.Unique);
    }

    [Test]
    public void TellsPublishingApart()
    {
        var content = new PostContent("Title", "Body");
        var fingerprints = new[]
        {
            content.Fingerprint(null),
            content.Fingerprint(Publishing.Now),
            content.Fingerprint(Publishing.Draft),
            content.Fingerprint(new Publishing(PostStatus.Published, Instant)),
            content.Fingerprint(new Publishing(PostStatus.Published, Instant.AddDays(1))),
        };

        Assert.That(fingerprints, Is.Unique);
    }

    [Test]
    public void IsTheSameForTheSameRequest() =>
        Assert.That(
            new PostContent("Title", "Body", ["dotnet"]).Fingerprint(new Publishing(PostStatus.Published, Instant)),
            Is.EqualTo(new PostContent("Title", "Body", ["dotnet"]).Fingerprint(new Publishing(PostStatus.Published, Instant))));
}
