using Blog.Domain.Errors;
using Blog.Domain.Posts;
using Moq;

namespace Blog.Tests.Unit.Posts;

public sealed class PostServiceDelete : PostServiceTestBase
{
    [Test]
    public async Task DeletesAgainstTheVersionReadGivenTheAuthor()
    {
        AcceptDeletes();

        await Service.DeleteAsync(Stored.Id, Author, WritePreconditions.None, CancellationToken.None);

        Posts.Verify(repository => repository.TryDeleteAsync(Stored, 1, It.IsAny<CancellationToken>()), Times.Once);
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
        Assert.ThrowsAsync<NotFoundException>(() => Service.DeleteAsync(Guid.NewGuid(), Author, WritePreconditions.None, CancellationToken.None));

        VerifyNothingWritten();
    }

    [Test]
    public void ThrowsPreconditionFailedGivenAStaleVersion()
    {
        AcceptDeletes();

        Assert.ThrowsAsync<PreconditionFailedException>(() =>
            Service.DeleteAsync(Stored.Id, Author, new WritePreconditions { MatchingVersions = new HashSet<long> { 2 } }, CancellationToken.None));

        VerifyNothingWritten();
    }

    [Test]
    public void ThrowsPreconditionFailedWhenAnotherWriteWonAndAVersionWasExpected()
    {
        AcceptDeletes(accepted: false);

        Assert.ThrowsAsync<PreconditionFailedException>(() =>
            Service.DeleteAsync(Stored.Id, Author, new WritePreconditions { MatchingVersions = new HashSet<long> { 1 } }, CancellationToken.None));
    }

    [Test]
    public void ThrowsConflictWhenAnotherWriteWonAndAnyVersionWasAccepted()
    {
        AcceptDeletes(accepted: false);

        Assert.ThrowsAsync<ConflictException>(() => Service.DeleteAsync(Stored.Id, Author, WritePreconditions.None, CancellationToken.None));
    }
}
