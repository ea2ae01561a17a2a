using Blog.Domain.Errors;
using Blog.Domain.Posts;
using Moq;

namespace Blog.Tests.Unit.Posts;

public sealed class PostServiceIdempotentCreate : PostServiceTestBase
{
    private static readonly PostContent Content = new("Title", "Body");
    private readonly IdempotencyKey key = IdempotencyKey.Parse("key-1")!;

    [Test]
    public async Task AddsThePostWithItsRecordWhenTheKeyIsNew()
    {
        Posts.Setup(r => r.TryAddAsync(It.IsAny<Post>(), It.IsAny<IdempotencyRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await Service.CreateAsync(Content, null, Author, key, CancellationToken.None);

        Assert.That(result.Replayed, Is.False);
        Posts.Verify(r => r.TryAddAsync(
            result.Post,
            It.Is<IdempotencyRecord>(rec => rec.UserId == Author.UserId && rec.Key == "key-1" && rec.ResourceId == result.Post.Id),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task ReplaysTheFirstPostForTheSameKeyAndContent()
    {
        var first = await FirstCreateAsync();
        Posts.Invocations.Clear();

        var replay = await Service.CreateAsync(Content, null, Author, key, CancellationToken.None);

        Assert.That(replay.Replayed, Is.True);
        Assert.That(replay.Post.Id, Is.EqualTo(first.Id));
        Posts.Verify(r => r.TryAddAsync(It.IsAny<Post>(), It.IsAny<IdempotencyRecord>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task RefusesTheSameKeyWithDifferentContent()
    {
        await FirstCreateAsync();

        Assert.ThrowsAsync<UnprocessableException>(() => Service.CreateAsync(new PostContent("Title", "Other body"), null, Author, key, CancellationToken.None));
    }

    [Test]
    public async Task RefusesTheSameKeyWithTheSameTextButOtherTagsOrPublishing()
    {
        await FirstCreateAsync();

        Assert.ThrowsAsync<UnprocessableException>(() => Service.CreateAsync(Content with { Tags = ["dotnet"] }, null, Author, key, CancellationToken.None));
        Assert.ThrowsAsync<UnprocessableException>(() => Service.CreateAsync(Content, Publishing.Draft, Author, key, CancellationToken.None));
    }

    [Test]
    public async Task ReplaysAKeyRememberedBeforeV2ForTheSameTitleAndBody()
    {
        var first = Post.Create(Content, Author, Now);
        var v1Digest = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("5:Title\nBody"u8));
        Posts.Setup(r => r.FindIdempotencyRecordAsync(Author.UserId, "key-1", It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new IdempotencyRecord(Author.UserId, "key-1", v1Digest, first.Id, first.PostedDate));
        Posts.Setup(r => r.FindAsync(first.Id, It.IsAny<CancellationToken>())).ReturnsAsync(first);

        var replay = await Service.CreateAsync(Content, null, Author, key, CancellationToken.None);

        Assert.That(replay.Replayed, Is.True);
        Assert.That(replay.Post.Id, Is.EqualTo(first.Id));
    }

    [Test]
    public async Task AnswersAsTheWinnerWhenAConcurrentRequestTookTheKey()
    {
        var winner = Post.Create(Content, Author, Now);
        var record = RecordFor(winner, Content);
        Posts.SetupSequence(r => r.FindIdempotencyRecordAsync(Author.UserId, "key-1", It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IdempotencyRecord?)null)
            .ReturnsAsync(record);
        Posts.Setup(r => r.TryAddAsync(It.IsAny<Post>(), It.IsAny<IdempotencyRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        Posts.Setup(r => r.FindAsync(winner.Id, It.IsAny<CancellationToken>())).ReturnsAsync(winner);

        var result = await Service.CreateAsync(Content, null, Author, key, CancellationToken.None);

        Assert.That(result.Replayed, Is.True);
        Assert.That(result.Post.Id, Is.EqualTo(winner.Id));
    }

    [Test]
    public async Task LooksOnlyAtRecordsFromTheLast24Hours()
    {
        Posts.Setup(r => r.TryAddAsync(It.IsAny<Post>(), It.IsAny<IdempotencyRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        await Service.CreateAsync(Content, null, Author, key, CancellationToken.None);

        Posts.Verify(r => r.FindIdempotencyRecordAsync(Author.UserId, "key-1", Now.UtcDateTime.AddHours(-24), It.IsAny<CancellationToken>()), Times.Once);
    }

    [TestCase("")]
    [TestCase("has space")]
    [TestCase("é")]
    public void RejectsKeysThatAreNotVisibleAscii(string value) =>
        Assert.Throws<ValidationException>(() => IdempotencyKey.Parse(value));

    [Test]
    public void RejectsKeysOver200Characters()
    {
        Assert.That(IdempotencyKey.Parse(new string('k', 200))!.Value, Has.Length.EqualTo(200));
        Assert.Throws<ValidationException>(() => IdempotencyKey.Parse(new string('k', 201)));
    }

    /// <summary>Makes a first create with the key, and sets the repository up to remember it.</summary>
    private async Task<Post> FirstCreateAsync()
    {
        IdempotencyRecord? remembered = null;
        Post? created = null;
        Posts.Setup(r => r.TryAddAsync(It.IsAny<Post>(), It.IsAny<IdempotencyRecord>(), It.IsAny<CancellationToken>()))
            .Callback<Post, IdempotencyRecord, CancellationToken>((post, record, _) => (created, remembered) = (post, record))
            .ReturnsAsync(true);
        Posts.Setup(r => r.FindIdempotencyRecordAsync(Author.UserId, "key-1", It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => remembered);
        Posts.Setup(r => r.FindAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => created);

        return (await Service.CreateAsync(Content, null, Author, key, CancellationToken.None)).Post;
    }

    private static IdempotencyRecord RecordFor(Post post, PostContent content) =>
        new(post.AuthorId, "key-1", content.Fingerprint(null), post.Id, post.PostedDate);
}
