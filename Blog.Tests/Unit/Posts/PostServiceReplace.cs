using Blog.Domain.Errors;
using Blog.Domain.Posts;
using Moq;

namespace Blog.Tests.Unit.Posts;

public sealed class PostServiceReplace : PostServiceTestBase
{
    private static readonly PostContent NewContent = new("New title", "New body");

    [Test]
    public void ThrowsNotFoundGivenAnUnknownId()
    {
        Assert.ThrowsAsync<NotFoundException>(() =>
            Service.ReplaceAsync(Guid.NewGuid(), NewContent, null, Author, WritePreconditions.None, CancellationToken.None));

        VerifyNothingWritten();
    }

    [Test]
    public void ThrowsForbiddenGivenAnotherUser()
    {
        AcceptUpdates();

        Assert.ThrowsAsync<ForbiddenException>(() =>
            Service.ReplaceAsync(Stored.Id, NewContent, null, Stranger, WritePreconditions.None, CancellationToken.None));

        VerifyNothingWritten();
        Assert.That(Stored.Title, Is.EqualTo("Title"));
    }

    [Test]
    public void ThrowsPreconditionFailedGivenAStaleVersion()
    {
        AcceptUpdates();

        Assert.ThrowsAsync<PreconditionFailedException>(() =>
            Service.ReplaceAsync(Stored.Id, NewContent, null, Author, new WritePreconditions { MatchingVersions = new HashSet<long> { 2 } }, CancellationToken.None));

        VerifyNothingWritten();
        Assert.Multiple(() =>
        {
            Assert.That(Stored.Title, Is.EqualTo("Title"));
            Assert.That(Stored.Version, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task WritesNothingGivenTheSameContent()
    {
        AcceptUpdates();

        var post = await Service.ReplaceAsync(Stored.Id, new PostContent("Title", "Body"), null, Author, WritePreconditions.None, CancellationToken.None);

        VerifyNothingWritten();
        Assert.Multiple(() =>
        {
            Assert.That(post.Version, Is.EqualTo(1));
            Assert.That(post.UpdatedDate, Is.EqualTo(Posted.UtcDateTime));
        });
    }

    [Test]
    public async Task BumpsTheVersionAndStampsTheUpdatedDateGivenNewContent()
    {
        AcceptUpdates();

        var post = await Service.ReplaceAsync(Stored.Id, NewContent, null, Author, new WritePreconditions { MatchingVersions = new HashSet<long> { 1 } }, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(post.Title, Is.EqualTo("New title"));
            Assert.That(post.Body, Is.EqualTo("New body"));
            Assert.That(post.Version, Is.EqualTo(2));
            Assert.That(post.UpdatedDate, Is.EqualTo(Now.UtcDateTime));
            Assert.That(post.PostedDate, Is.EqualTo(Posted.UtcDateTime));
        });
    }

    [Test]
    public async Task SavesOnlyIfTheStoredVersionIsStillTheOneRead()
    {
        AcceptUpdates();

        await Service.ReplaceAsync(Stored.Id, NewContent, null, Author, WritePreconditions.None, CancellationToken.None);

        Posts.Verify(repository => repository.TryUpdateAsync(It.Is<PostEdit>(edit => edit.Post == Stored && edit.ExpectedVersion == 1), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void ThrowsPreconditionFailedWhenAnotherWriteWonAndAVersionWasExpected()
    {
        AcceptUpdates(accepted: false);

        Assert.ThrowsAsync<PreconditionFailedException>(() =>
            Service.ReplaceAsync(Stored.Id, NewContent, null, Author, new WritePreconditions { MatchingVersions = new HashSet<long> { 1 } }, CancellationToken.None));
    }

    [Test]
    public void ThrowsConflictWhenAnotherWriteWonAndAnyVersionWasAccepted()
    {
        AcceptUpdates(accepted: false);

        Assert.ThrowsAsync<ConflictException>(() =>
            Service.ReplaceAsync(Stored.Id, NewContent, null, Author, WritePreconditions.None, CancellationToken.None));
    }
}
