using Blog.Domain.Errors;
using Blog.Domain.Posts;
using Moq;

namespace Blog.Tests.Unit.Posts;

public sealed class PostServicePatch : PostServiceTestBase
{
    [SetUp]
    public void SetUp() => AcceptUpdates();

    [Test]
    public async Task KeepsTheTitleWhenThePatchHasNone()
    {
        var post = await Service.PatchAsync(Stored.Id, new PostPatch(null, "New body"), Author, WritePreconditions.None, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(post.Title, Is.EqualTo("Title"));
            Assert.That(post.Body, Is.EqualTo("New body"));
            Assert.That(post.Version, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task KeepsTheBodyWhenThePatchHasNone()
    {
        var post = await Service.PatchAsync(Stored.Id, new PostPatch("New title", null), Author, WritePreconditions.None, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(post.Title, Is.EqualTo("New title"));
            Assert.That(post.Body, Is.EqualTo("Body"));
        });
    }

    [Test]
    public async Task WritesNothingGivenAnEmptyPatch()
    {
        var post = await Service.PatchAsync(Stored.Id, new PostPatch(null, null), Author, WritePreconditions.None, CancellationToken.None);

        VerifyNothingWritten();
        Assert.That(post.Version, Is.EqualTo(1));
    }

    [Test]
    public async Task SavesAgainstTheVersionRead()
    {
        await Service.PatchAsync(Stored.Id, new PostPatch("New title", null), Author, new WritePreconditions { MatchingVersions = new HashSet<long> { 1 } }, CancellationToken.None);

        Posts.Verify(repository => repository.TryUpdateAsync(It.Is<PostEdit>(edit => edit.Post == Stored && edit.ExpectedVersion == 1), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void ThrowsForbiddenGivenAnotherUser()
    {
        Assert.ThrowsAsync<ForbiddenException>(() =>
            Service.PatchAsync(Stored.Id, new PostPatch("Mine now", null), Stranger, WritePreconditions.None, CancellationToken.None));

        VerifyNothingWritten();
    }

    [Test]
    public void ThrowsPreconditionFailedGivenAStaleVersion()
    {
        Assert.ThrowsAsync<PreconditionFailedException>(() =>
            Service.PatchAsync(Stored.Id, new PostPatch("New title", null), Author, new WritePreconditions { MatchingVersions = new HashSet<long> { 7 } }, CancellationToken.None));

        VerifyNothingWritten();
    }
}
