using Blog.Domain.Posts;
using Moq;

namespace Blog.Tests.Unit.Posts;

/// <summary>Drafts, scheduled posts and published ones: how a create or an edit sets a post's publishing.</summary>
public sealed class PostServicePublishing : PostServiceTestBase
{
    private static readonly PostContent Content = new("Title", "Body");
    private static readonly DateTime Later = Now.UtcDateTime.AddDays(1);

    [SetUp]
    public void SetUp() => AcceptUpdates();

    [Test]
    public async Task PublishesNowGivenNoStatus()
    {
        var post = await Service.CreateAsync(Content, null, Author, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(post.Status, Is.EqualTo(PostStatus.Published));
            Assert.That(post.PublishedDate, Is.EqualTo(Now.UtcDateTime));
            Assert.That(post.IsPublicAt(Now), Is.True);
        });
    }

    [Test]
    public async Task KeepsADraftToItsAuthor()
    {
        var post = await Service.CreateAsync(Content, Publishing.Draft, Author, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(post.Status, Is.EqualTo(PostStatus.Draft));
            Assert.That(post.PublishedDate, Is.Null);
            Assert.That(post.ListedDate, Is.EqualTo(post.PostedDate));
            Assert.That(post.IsVisibleTo(null, Now.AddYears(10)), Is.False);
            Assert.That(post.IsVisibleTo(Stranger.UserId, Now.AddYears(10)), Is.False);
            Assert.That(post.IsVisibleTo(Author.UserId, Now), Is.True);
        });
    }

    [Test]
    public async Task SchedulesAPostGivenAFuturePublishedDate()
    {
        var post = await Service.CreateAsync(Content, new Publishing(PostStatus.Published, Later), Author, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(post.Status, Is.EqualTo(PostStatus.Published));
            Assert.That(post.PublishedDate, Is.EqualTo(Later));
            Assert.That(post.ListedDate, Is.EqualTo(Later));
            Assert.That(post.IsPublicAt(new DateTimeOffset(Later).AddTicks(-1)), Is.False);
            Assert.That(post.IsPublicAt(new DateTimeOffset(Later)), Is.True);
        });
    }

    [Test]
    public async Task KeepsAPublishedDateToTheMillisecond()
    {
        var post = await Service.CreateAsync(Content, new Publishing(PostStatus.Published, Later.AddTicks(4567)), Author, CancellationToken.None);

        Assert.That(post.PublishedDate, Is.EqualTo(Later));
    }

    [Test]
    public async Task PublishesADraftNowGivenStatusPublished()
    {
        var draft = StoreDraft();

        var post = await Service.PatchAsync(draft.Id, new PostPatch(null, null, null, Publishing.Now), Author, WritePreconditions.None, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(post.Status, Is.EqualTo(PostStatus.Published));
            Assert.That(post.PublishedDate, Is.EqualTo(Now.UtcDateTime));
            Assert.That(post.PostedDate, Is.EqualTo(Posted.UtcDateTime));
            Assert.That(post.Version, Is.EqualTo(2));
        });
        Posts.Verify(repository => repository.TryUpdateAsync(
            It.Is<PostEdit>(edit => edit.Post == draft && edit.ExpectedVersion == 1 && edit.ReplacedPublishedDate == null), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task PublishesADraftAtTheInstantGiven()
    {
        var draft = StoreDraft();

        var post = await Service.PatchAsync(
            draft.Id, new PostPatch(null, null, null, new Publishing(PostStatus.Published, Later)), Author, WritePreconditions.None, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(post.PublishedDate, Is.EqualTo(Later));
            Assert.That(post.IsPublicAt(Now), Is.False);
        });
    }

    [Test]
    public async Task TakesAPublishedPostBackGivenStatusDraft()
    {
        var post = await Service.PatchAsync(Stored.Id, new PostPatch(null, null, null, Publishing.Draft), Author, WritePreconditions.None, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(post.Status, Is.EqualTo(PostStatus.Draft));
            Assert.That(post.PublishedDate, Is.Null);
            Assert.That(post.ListedDate, Is.EqualTo(Posted.UtcDateTime));
            Assert.That(post.Version, Is.EqualTo(2));
        });
        Posts.Verify(repository => repository.TryUpdateAsync(
            It.Is<PostEdit>(edit => edit.ReplacedPublishedDate == Posted.UtcDateTime), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task KeepsThePublishedDateOfAPublishedPostGivenStatusPublishedAlone()
    {
        var post = await Service.PatchAsync(Stored.Id, new PostPatch(null, null, null, Publishing.Now), Author, WritePreconditions.None, CancellationToken.None);

        Assert.That(post.PublishedDate, Is.EqualTo(Posted.UtcDateTime));
        VerifyNothingWritten();
    }

    [Test]
    public async Task KeepsADraftADraftGivenAReplaceWithoutPublishing()
    {
        var draft = StoreDraft();

        var post = await Service.ReplaceAsync(draft.Id, new PostContent("New title", "New body"), null, Author, WritePreconditions.None, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(post.Title, Is.EqualTo("New title"));
            Assert.That(post.Status, Is.EqualTo(PostStatus.Draft));
            Assert.That(post.PublishedDate, Is.Null);
        });
    }

    [Test]
    public async Task KeepsTheScheduleGivenAReplaceWithoutPublishing()
    {
        var scheduled = Store(Post.Create(Content, Author, Posted, new Publishing(PostStatus.Published, Later)));

        var post = await Service.ReplaceAsync(scheduled.Id, new PostContent("New title", "New body"), null, Author, WritePreconditions.None, CancellationToken.None);

        Assert.That(post.PublishedDate, Is.EqualTo(Later));
    }

    [Test]
    public async Task KeepsTheTagsGivenAReplaceWithoutTags()
    {
        var tagged = Store(Post.Create(new PostContent("Title", "Body", ["dotnet", "http"]), Author, Posted));

        var post = await Service.ReplaceAsync(tagged.Id, new PostContent("New title", "New body"), null, Author, WritePreconditions.None, CancellationToken.None);

        Assert.That(post.Tags, Is.EqualTo(new[] { "dotnet", "http" }));
    }

    [Test]
    public async Task ReplacesTheTagsGivenAReplaceWithTags()
    {
        var tagged = Store(Post.Create(new PostContent("Title", "Body", ["dotnet", "http"]), Author, Posted));

        var post = await Service.ReplaceAsync(tagged.Id, new PostContent("Title", "Body", []), null, Author, WritePreconditions.None, CancellationToken.None);

        Assert.That(post.Tags, Is.Empty);
    }

    [Test]
    public async Task PublishesADraftGivenAReplaceWithStatusPublished()
    {
        var draft = StoreDraft();

        var post = await Service.ReplaceAsync(draft.Id, new PostContent("Draft title", "Draft body"), Publishing.Now, Author, WritePreconditions.None, CancellationToken.None);

        Assert.That(post.PublishedDate, Is.EqualTo(Now.UtcDateTime));
    }
}
