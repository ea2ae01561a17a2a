using Blog.Domain.Posts;
using Moq;

namespace Blog.Tests.Unit.Posts;

public sealed class PostServiceCreate : PostServiceTestBase
{
    private static readonly PostContent Content = new("Hello", "World");

    [Test]
    public async Task StampsTheAuthorTheDatesAndTheFirstVersion()
    {
        var post = await Service.CreateAsync(Content, null, Author, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(post.Title, Is.EqualTo("Hello"));
            Assert.That(post.Body, Is.EqualTo("World"));
            Assert.That(post.AuthorId, Is.EqualTo(Author.UserId));
            Assert.That(post.AuthorName, Is.EqualTo("rick"));
            Assert.That(post.PostedDate, Is.EqualTo(Now.UtcDateTime));
            Assert.That(post.UpdatedDate, Is.EqualTo(Now.UtcDateTime));
            Assert.That(post.Version, Is.EqualTo(1));
            Assert.That(post.Id, Is.Not.EqualTo(Guid.Empty));
        });
    }

    [Test]
    public async Task AddsThePostToTheRepositoryOnce()
    {
        var post = await Service.CreateAsync(Content, null, Author, CancellationToken.None);

        Posts.Verify(repository => repository.AddAsync(post, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task KeepsTheDatesToTheMillisecond()
    {
        Time.Now = Now.AddTicks(4567);

        var post = await Service.CreateAsync(Content, null, Author, CancellationToken.None);

        Assert.That(post.PostedDate, Is.EqualTo(Now.UtcDateTime));
    }

    [Test]
    public async Task GivesATimeOrderedVersion7Id()
    {
        var post = await Service.CreateAsync(Content, null, Author, CancellationToken.None);

        Assert.That(post.Id.Version, Is.EqualTo(7));
    }
}
