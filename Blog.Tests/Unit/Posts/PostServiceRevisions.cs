using Blog.Domain.Errors;
using Blog.Domain.Paging;
using Blog.Domain.Posts;
using Moq;

namespace Blog.Tests.Unit.Posts;

/// <summary>What an edit keeps of the version it replaces, and who may read it.</summary>
public sealed class PostServiceRevisions : PostServiceTestBase
{
    /// <summary>What each edit handed the repository, read when it did (the post goes on changing after).</summary>
    private readonly List<(bool KeepsRevision, PostRevision Replaced, IReadOnlyList<string> Tags)> saved = [];

    [SetUp]
    public void SetUp()
    {
        saved.Clear();
        Posts.Setup(repository => repository.TryUpdateAsync(It.IsAny<PostEdit>(), It.IsAny<CancellationToken>()))
            .Callback<PostEdit, CancellationToken>((edit, _) => saved.Add((edit.KeepsRevision, edit.Replaced, edit.Post.Tags)))
            .ReturnsAsync(true);
    }

    [TestCase("New title", null)]
    [TestCase(null, "New body")]
    public async Task KeepsTheReplacedVersionGivenANewTitleOrBody(string? title, string? body)
    {
        await Service.PatchAsync(Stored.Id, new PostPatch(title, body), Author, WritePreconditions.None, CancellationToken.None);

        var edit = saved.Single();
        Assert.Multiple(() =>
        {
            Assert.That(edit.KeepsRevision, Is.True);
            Assert.That(edit.Replaced.PostId, Is.EqualTo(Stored.Id));
            Assert.That(edit.Replaced.Version, Is.EqualTo(1));
            Assert.That(edit.Replaced.Title, Is.EqualTo("Title"));
            Assert.That(edit.Replaced.Body, Is.EqualTo("Body"));
            Assert.That(edit.Replaced.SavedDate, Is.EqualTo(Posted.UtcDateTime));
        });
    }

    [Test]
    public async Task KeepsTheReplacedVersionGivenNewTags()
    {
        await Service.PatchAsync(Stored.Id, new PostPatch(null, null, ["dotnet"]), Author, WritePreconditions.None, CancellationToken.None);

        var edit = saved.Single();
        Assert.Multiple(() =>
        {
            Assert.That(edit.KeepsRevision, Is.True);
            Assert.That(edit.Replaced.Tags, Is.Empty);
            Assert.That(edit.Tags, Is.EqualTo(new[] { "dotnet" }));
        });
    }

    [Test]
    public async Task KeepsNoRevisionGivenAChangeOfPublishingAlone()
    {
        await Service.PatchAsync(Stored.Id, new PostPatch(null, null, null, Publishing.Draft), Author, WritePreconditions.None, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        await Service.ReplaceAsync(Stored.Id, new PostContent("Title", "Body"), new Publishing(PostStatus.Published, Now.UtcDateTime.AddDays(1)), Author, WritePreconditions.None, CancellationToken.None);

        Assert.That(saved.Select(edit => edit.KeepsRevision), Is.EqualTo(new[] { false, false }));
    }

    [Test]
    public async Task SavesEachRevisionWithItsOwnVersionAndWhenThatVersionWasSaved()
    {
        await Service.PatchAsync(Stored.Id, new PostPatch("Second", null), Author, WritePreconditions.None, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        await Service.PatchAsync(Stored.Id, new PostPatch(null, null, null, Publishing.Draft), Author, WritePreconditions.None, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        await Service.PatchAsync(Stored.Id, new PostPatch("Fourth", null), Author, WritePreconditions.None, CancellationToken.None);

        var kept = saved.Where(edit => edit.KeepsRevision).Select(edit => edit.Replaced).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(kept.Select(revision => revision.Version), Is.EqualTo(new long[] { 1, 3 }));
            Assert.That(kept.Select(revision => revision.Title), Is.EqualTo(new[] { "Title", "Second" }));
            Assert.That(kept.Select(revision => revision.SavedDate), Is.EqualTo(new[] { Posted.UtcDateTime, Now.UtcDateTime.AddMinutes(1) }));
            Assert.That(Stored.Version, Is.EqualTo(4));
        });
    }

    [Test]
    public async Task ListsTheRevisionsOfTheAuthorsPost()
    {
        var revision = new PostRevision(Guid.NewGuid(), Stored.Id, 1, "Title", "Body", [], Posted.UtcDateTime);
        Posts.Setup(repository => repository.GetRevisionSliceAsync(Stored.Id, null, 3, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new KeysetSlice<PostRevision>([revision], false));
        Posts.Setup(repository => repository.CountRevisionsAsync(Stored.Id, It.IsAny<CancellationToken>())).ReturnsAsync(1);

        var page = await Service.ListRevisionsAsync(Stored.Id, Author, new PageRequest(2, null), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Is.EqualTo(new[] { revision }));
            Assert.That(page.TotalItems, Is.EqualTo(1));
        });
    }

    [Test]
    public void RefusesAnotherUserThePublicPostsRevisions()
    {
        Assert.ThrowsAsync<ForbiddenException>(() => Service.ListRevisionsAsync(Stored.Id, Stranger, new PageRequest(2, null), CancellationToken.None));
        Assert.ThrowsAsync<ForbiddenException>(() => Service.GetRevisionAsync(Stored.Id, 1, Stranger, CancellationToken.None));

        VerifyNoRevisionRead();
    }

    [Test]
    public void HidesADraftsRevisionsFromAnotherUser()
    {
        var draft = StoreDraft();

        Assert.ThrowsAsync<NotFoundException>(() => Service.ListRevisionsAsync(draft.Id, Stranger, new PageRequest(2, null), CancellationToken.None));
        Assert.ThrowsAsync<NotFoundException>(() => Service.GetRevisionAsync(draft.Id, 1, Stranger, CancellationToken.None));

        VerifyNoRevisionRead();
    }

    [Test]
    public void HidesAScheduledPostsRevisionsFromAnotherUser()
    {
        var scheduled = Store(Post.Create(new PostContent("Title", "Body"), Author, Posted, new Publishing(PostStatus.Published, Now.UtcDateTime.AddDays(1))));

        Assert.ThrowsAsync<NotFoundException>(() => Service.ListRevisionsAsync(scheduled.Id, Stranger, new PageRequest(2, null), CancellationToken.None));

        VerifyNoRevisionRead();
    }

    [Test]
    public async Task FindsARevisionByVersion()
    {
        var revision = new PostRevision(Guid.NewGuid(), Stored.Id, 1, "Title", "Body", [], Posted.UtcDateTime);
        Posts.Setup(repository => repository.FindRevisionAsync(Stored.Id, 1, It.IsAny<CancellationToken>())).ReturnsAsync(revision);

        Assert.That(await Service.GetRevisionAsync(Stored.Id, 1, Author, CancellationToken.None), Is.EqualTo(revision));
    }

    [Test]
    public void ThrowsNotFoundGivenAVersionWithNoRevision()
    {
        Posts.Setup(repository => repository.FindRevisionAsync(Stored.Id, It.IsAny<long>(), It.IsAny<CancellationToken>())).ReturnsAsync((PostRevision?)null);

        Assert.ThrowsAsync<NotFoundException>(() => Service.GetRevisionAsync(Stored.Id, 7, Author, CancellationToken.None));
    }

    private void VerifyNoRevisionRead()
    {
        Posts.Verify(repository => repository.GetRevisionSliceAsync(It.IsAny<Guid>(), It.IsAny<PageCursor?>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);
        Posts.Verify(repository => repository.FindRevisionAsync(It.IsAny<Guid>(), It.IsAny<long>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
