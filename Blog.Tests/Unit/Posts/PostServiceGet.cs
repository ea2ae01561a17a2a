using Blog.Domain.Errors;
using Blog.Domain.Posts;

namespace Blog.Tests.Unit.Posts;

public sealed class PostServiceGet : PostServiceTestBase
{
    [Test]
    public void ThrowsNotFoundGivenAnUnknownId()
    {
        var unknown = Guid.NewGuid();

        var error = Assert.ThrowsAsync<NotFoundException>(() => Service.GetAsync(unknown, null, CancellationToken.None));

        Assert.That(error.Message, Does.Contain(unknown.ToString()));
    }

    [Test]
    public async Task ShowsAPublicPostToEveryone()
    {
        Assert.That(await Service.GetAsync(Stored.Id, null, CancellationToken.None), Is.SameAs(Stored));
        Assert.That(await Service.GetAsync(Stored.Id, Stranger.UserId, CancellationToken.None), Is.SameAs(Stored));
    }

    [Test]
    public void ThrowsNotFoundForADraftGivenAnonymousOrAnotherUser()
    {
        var draft = StoreDraft();

        var error = Assert.ThrowsAsync<NotFoundException>(() => Service.GetAsync(draft.Id, null, CancellationToken.None));
        Assert.ThrowsAsync<NotFoundException>(() => Service.GetAsync(draft.Id, Stranger.UserId, CancellationToken.None));

        Assert.That(error.Message, Does.Not.Contain(draft.Title));
    }

    [Test]
    public async Task ShowsADraftToItsAuthor() =>
        Assert.That(await Service.GetAsync(StoreDraft().Id, Author.UserId, CancellationToken.None).ConfigureAwait(false), Is.Not.Null);

    [Test]
    public async Task ShowsAScheduledPostToOthersFromItsInstantOn()
    {
        var at = Now.AddHours(2);
        var scheduled = Store(Post.Create(new PostContent("Title", "Body"), Author, Now, new Publishing(PostStatus.Published, at.UtcDateTime)));

        Assert.ThrowsAsync<NotFoundException>(() => Service.GetAsync(scheduled.Id, Stranger.UserId, CancellationToken.None));
        Assert.That(await Service.GetAsync(scheduled.Id, Author.UserId, CancellationToken.None), Is.SameAs(scheduled));
        Time.Now = at.AddTicks(-1);
        Assert.ThrowsAsync<NotFoundException>(() => Service.GetAsync(scheduled.Id, null, CancellationToken.None));
        Time.Now = at;
        Assert.That(await Service.GetAsync(scheduled.Id, null, CancellationToken.None), Is.SameAs(scheduled));
    }
}
