using Blog.Domain.Comments;
using Blog.Domain.Errors;
using Blog.Domain.Posts;
using Moq;

namespace Blog.Tests.Unit.Comments;

public sealed class CommentServiceCreate : CommentServiceTestBase
{
    [Test]
    public async Task AddsACommentByTheActorOnThePostStampedNow()
    {
        AcceptAdds();

        var (comment, replayed) = await Service.CreateAsync(PublicPost.Id, "Nice", Commenter, null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(replayed, Is.False);
            Assert.That(comment.PostId, Is.EqualTo(PublicPost.Id));
            Assert.That(comment.Body, Is.EqualTo("Nice"));
            Assert.That(comment.AuthorId, Is.EqualTo(Commenter.UserId));
            Assert.That(comment.AuthorName, Is.EqualTo("morty"));
            Assert.That(comment.PostedDate, Is.EqualTo(Now.UtcDateTime));
            Assert.That(comment.Version, Is.EqualTo(1));
        });
        Comments.Verify(repository => repository.TryAddAsync(comment, null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task LetsThePostsAuthorCommentOnTheirOwnDraft()
    {
        AcceptAdds();

        var (comment, _) = await Service.CreateAsync(Draft.Id, "Note to self", PostAuthor, null, CancellationToken.None);

        Assert.That(comment.PostId, Is.EqualTo(Draft.Id));
    }

    [Test]
    public void ThrowsNotFoundForAnotherAuthorsDraft()
    {
        AcceptAdds();

        Assert.ThrowsAsync<NotFoundException>(() => Service.CreateAsync(Draft.Id, "Hi", Commenter, null, CancellationToken.None));

        VerifyNothingWritten();
    }

    [Test]
    public void ThrowsNotFoundForAPostScheduledForLater()
    {
        AcceptAdds();
        var scheduled = StorePost(Post.Create(
            new PostContent("Soon", "Body"), PostAuthor, Posted, new Publishing(PostStatus.Published, Now.UtcDateTime.AddDays(1))));

        Assert.ThrowsAsync<NotFoundException>(() => Service.CreateAsync(scheduled.Id, "Hi", Commenter, null, CancellationToken.None));

        VerifyNothingWritten();
    }

    [Test]
    public void ThrowsNotFoundForAnUnknownPost()
    {
        AcceptAdds();

        Assert.ThrowsAsync<NotFoundException>(() => Service.CreateAsync(Guid.NewGuid(), "Hi", Commenter, null, CancellationToken.None));

        VerifyNothingWritten();
    }

    [Test]
    public void ThrowsNotFoundWhenThePostIsDeletedBeforeTheCommentIsAdded()
    {
        AcceptAdds(CommentAddition.PostGone);

        Assert.ThrowsAsync<NotFoundException>(() => Service.CreateAsync(PublicPost.Id, "Hi", Commenter, null, CancellationToken.None));
    }
}
