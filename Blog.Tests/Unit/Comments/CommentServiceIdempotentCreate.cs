using Blog.Domain.Comments;
using Blog.Domain.Errors;
using Blog.Domain.Posts;
using Moq;

namespace Blog.Tests.Unit.Comments;

public sealed class CommentServiceIdempotentCreate : CommentServiceTestBase
{
    private readonly IdempotencyKey key = IdempotencyKey.Parse("key-1")!;

    [Test]
    public async Task AddsTheCommentWithItsRecordWhenTheKeyIsNew()
    {
        AcceptAdds();

        var (comment, replayed) = await Service.CreateAsync(PublicPost.Id, "Nice", Commenter, key, CancellationToken.None);

        Assert.That(replayed, Is.False);
        Comments.Verify(repository => repository.TryAddAsync(
            comment,
            It.Is<IdempotencyRecord>(record => record.UserId == Commenter.UserId && record.Key == "key-1" && record.ResourceId == comment.Id
                && record.Fingerprint == Comment.Fingerprint(PublicPost.Id, "Nice") && record.CreatedAt == comment.PostedDate),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task ReplaysTheFirstCommentForTheSameKeyPostAndBody()
    {
        RememberKey(Stored.Id, Comment.Fingerprint(PublicPost.Id, "First!"));

        var (comment, replayed) = await Service.CreateAsync(PublicPost.Id, "First!", Commenter, key, CancellationToken.None);

        Assert.That(replayed, Is.True);
        Assert.That(comment, Is.SameAs(Stored));
        VerifyNothingWritten();
    }

    [Test]
    public void RefusesTheSameKeyWithAnotherBody()
    {
        RememberKey(Stored.Id, Comment.Fingerprint(PublicPost.Id, "First!"));

        Assert.ThrowsAsync<UnprocessableException>(() => Service.CreateAsync(PublicPost.Id, "Second!", Commenter, key, CancellationToken.None));

        VerifyNothingWritten();
    }

    [Test]
    public void RefusesTheSameKeyAndBodyOnAnotherPost()
    {
        var other = StorePost(Post.Create(new PostContent("Other", "Body"), PostAuthor, Posted));
        RememberKey(Stored.Id, Comment.Fingerprint(PublicPost.Id, "First!"));

        Assert.ThrowsAsync<UnprocessableException>(() => Service.CreateAsync(other.Id, "First!", Commenter, key, CancellationToken.None));

        VerifyNothingWritten();
    }

    [Test]
    public void RefusesAKeyTheUserAlreadyUsedForAPost()
    {
        RememberKey(PublicPost.Id, new PostContent("Public", "Body").Fingerprint(null));

        Assert.ThrowsAsync<UnprocessableException>(() => Service.CreateAsync(PublicPost.Id, "Body", Commenter, key, CancellationToken.None));

        VerifyNothingWritten();
    }

    [Test]
    public void ThrowsNotFoundWhenTheFirstCommentHasSinceBeenDeleted()
    {
        RememberKey(Guid.NewGuid(), Comment.Fingerprint(PublicPost.Id, "Gone"));

        Assert.ThrowsAsync<NotFoundException>(() => Service.CreateAsync(PublicPost.Id, "Gone", Commenter, key, CancellationToken.None));
    }

    [Test]
    public async Task AnswersAsTheWinnerWhenAConcurrentRequestTookTheKey()
    {
        Posts.SetupSequence(repository => repository.FindIdempotencyRecordAsync(Commenter.UserId, "key-1", It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IdempotencyRecord?)null)
            .ReturnsAsync(Record(Stored.Id, Comment.Fingerprint(PublicPost.Id, "First!")));
        AcceptAdds(CommentAddition.KeyTaken);

        var (comment, replayed) = await Service.CreateAsync(PublicPost.Id, "First!", Commenter, key, CancellationToken.None);

        Assert.That(replayed, Is.True);
        Assert.That(comment, Is.SameAs(Stored));
    }

    [Test]
    public async Task LooksOnlyAtRecordsFromTheLast24Hours()
    {
        AcceptAdds();

        await Service.CreateAsync(PublicPost.Id, "Nice", Commenter, key, CancellationToken.None);

        Posts.Verify(repository => repository.FindIdempotencyRecordAsync(Commenter.UserId, "key-1", Now.UtcDateTime.AddHours(-24), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void ChecksThePostBeforeTheKey()
    {
        RememberKey(Stored.Id, Comment.Fingerprint(Draft.Id, "First!"));

        Assert.ThrowsAsync<NotFoundException>(() => Service.CreateAsync(Draft.Id, "First!", Commenter, key, CancellationToken.None));
    }

    private void RememberKey(Guid resourceId, string fingerprint) => Posts
        .Setup(repository => repository.FindIdempotencyRecordAsync(Commenter.UserId, "key-1", It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
        .ReturnsAsync(Record(resourceId, fingerprint));

    private static IdempotencyRecord Record(Guid resourceId, string fingerprint) =>
        new(Commenter.UserId, "key-1", fingerprint, resourceId, Posted.UtcDateTime);
}
