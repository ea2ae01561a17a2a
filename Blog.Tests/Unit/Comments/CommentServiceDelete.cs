using Blog.Domain.Comments;
using Blog.Domain.Errors;
using Blog.Domain.Posts;
using Moq;

namespace Blog.Tests.Unit.Comments;

public sealed class CommentServiceDelete : CommentServiceTestBase
{
    [Test]
    public async Task DeletesAgainstTheVersionReadGivenItsAuthor()
    {
        AcceptDeletes();

        await Service.DeleteAsync(Stored.Id, Commenter, WritePreconditions.None, CancellationToken.None);

        Comments.Verify(repository => repository.TryDeleteAsync(Stored, 1, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task DeletesAnotherUsersCommentGivenThePostsAuthor()
    {
        AcceptDeletes();

        await Service.DeleteAsync(Stored.Id, PostAuthor, WritePreconditions.None, CancellationToken.None);

        Comments.Verify(repository => repository.TryDeleteAsync(Stored, 1, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void ThrowsForbiddenGivenAnotherUser()
    {
        AcceptDeletes();

        Assert.ThrowsAsync<ForbiddenException>(() => Service.DeleteAsync(Stored.Id, Stranger, WritePreconditions.None, CancellationToken.None));

        VerifyNothingWritten();
    }

    [Test]
    public void ThrowsNotFoundGivenAnUnknownId()
    {
        AcceptDeletes();

        Assert.ThrowsAsync<NotFoundException>(() => Service.DeleteAsync(Guid.NewGuid(), Commenter, WritePreconditions.None, CancellationToken.None));

        VerifyNothingWritten();
    }

    [Test]
    public void ThrowsNotFoundToItsAuthorWhenThePostIsNoLongerPublic()
    {
        AcceptDeletes();
        var takenBack = StorePost(Post.Create(new PostContent("Taken back", "Body"), PostAuthor, Posted));
        var comment = StoreComment(Comment.Create(takenBack.Id, "Mine", Commenter, Posted));
        takenBack.Edit(new PostContent("Taken back", "Body"), Publishing.Draft, Now);

        Assert.ThrowsAsync<NotFoundException>(() => Service.DeleteAsync(comment.Id, Commenter, WritePreconditions.None, CancellationToken.None));

        VerifyNothingWritten();
    }

    [Test]
    public void ThrowsPreconditionFailedGivenAStaleVersion()
    {
        AcceptDeletes();

        Assert.ThrowsAsync<PreconditionFailedException>(() => Service.DeleteAsync(Stored.Id, Commenter, IfMatch(2), CancellationToken.None));

        VerifyNothingWritten();
    }

    [Test]
    public void ThrowsPreconditionFailedWhenAnotherWriteWonAndAVersionWasExpected()
    {
        AcceptDeletes(accepted: false);

        Assert.ThrowsAsync<PreconditionFailedException>(() => Service.DeleteAsync(Stored.Id, Commenter, IfMatch(1), CancellationToken.None));
    }

    [Test]
    public void ThrowsConflictWhenAnotherWriteWonAndAnyVersionWasAccepted()
    {
        AcceptDeletes(accepted: false);

        Assert.ThrowsAsync<ConflictException>(() => Service.DeleteAsync(Stored.Id, Commenter, WritePreconditions.None, CancellationToken.None));
    }
}
