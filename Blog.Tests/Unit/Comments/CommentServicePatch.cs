using Blog.Domain.Comments;
using Blog.Domain.Errors;
using Blog.Domain.Posts;
using Moq;

namespace Blog.Tests.Unit.Comments;

public sealed class CommentServicePatch : CommentServiceTestBase
{
    [Test]
    public async Task ChangesTheBodyAgainstTheVersionReadGivenItsAuthor()
    {
        AcceptUpdates();

        var patched = await Service.PatchAsync(Stored.Id, new CommentPatch("Edited"), Commenter, WritePreconditions.None, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(patched.Body, Is.EqualTo("Edited"));
            Assert.That(patched.Version, Is.EqualTo(2));
            Assert.That(patched.UpdatedDate, Is.EqualTo(Now.UtcDateTime));
            Assert.That(patched.PostedDate, Is.EqualTo(Posted.AddMinutes(1).UtcDateTime));
        });
        Comments.Verify(repository => repository.TryUpdateAsync(Stored, 1, It.IsAny<CancellationToken>()), Times.Once);
    }

    [TestCase(null)]
    [TestCase("First!")]
    public async Task WritesNothingWhenTheBodyIsLeftOutOrUnchanged(string? body)
    {
        AcceptUpdates();

        var patched = await Service.PatchAsync(Stored.Id, new CommentPatch(body), Commenter, WritePreconditions.None, CancellationToken.None);

        Assert.That(patched.Version, Is.EqualTo(1));
        VerifyNothingWritten();
    }

    [Test]
    public void ThrowsForbiddenGivenThePostsAuthor()
    {
        AcceptUpdates();

        Assert.ThrowsAsync<ForbiddenException>(() => Service.PatchAsync(Stored.Id, new CommentPatch("Mine now"), PostAuthor, WritePreconditions.None, CancellationToken.None));

        VerifyNothingWritten();
    }

    [Test]
    public void ThrowsForbiddenGivenAnotherUser()
    {
        AcceptUpdates();

        Assert.ThrowsAsync<ForbiddenException>(() => Service.PatchAsync(Stored.Id, new CommentPatch("Mine now"), Stranger, WritePreconditions.None, CancellationToken.None));

        VerifyNothingWritten();
    }

    [Test]
    public void ThrowsNotFoundRatherThanForbiddenForACommentOnAPostTheUserMayNotSee()
    {
        AcceptUpdates();
        var onDraft = StoreComment(Comment.Create(Draft.Id, "Note", PostAuthor, Posted));

        Assert.ThrowsAsync<NotFoundException>(() => Service.PatchAsync(onDraft.Id, new CommentPatch("x"), Stranger, WritePreconditions.None, CancellationToken.None));

        VerifyNothingWritten();
    }

    [Test]
    public void ThrowsNotFoundGivenAnUnknownId() =>
        Assert.ThrowsAsync<NotFoundException>(() => Service.PatchAsync(Guid.NewGuid(), new CommentPatch("x"), Commenter, WritePreconditions.None, CancellationToken.None));

    [Test]
    public void ThrowsPreconditionFailedGivenAStaleVersion()
    {
        AcceptUpdates();

        Assert.ThrowsAsync<PreconditionFailedException>(() => Service.PatchAsync(Stored.Id, new CommentPatch("x"), Commenter, IfMatch(2), CancellationToken.None));

        VerifyNothingWritten();
    }

    [Test]
    public void ThrowsPreconditionFailedWhenAnotherWriteWonAndAVersionWasExpected()
    {
        AcceptUpdates(accepted: false);

        Assert.ThrowsAsync<PreconditionFailedException>(() => Service.PatchAsync(Stored.Id, new CommentPatch("x"), Commenter, IfMatch(1), CancellationToken.None));
    }

    [Test]
    public void ThrowsConflictWhenAnotherWriteWonAndAnyVersionWasAccepted()
    {
        AcceptUpdates(accepted: false);

        Assert.ThrowsAsync<ConflictException>(() => Service.PatchAsync(Stored.Id, new CommentPatch("x"), Commenter, WritePreconditions.None, CancellationToken.None));
    }
}
