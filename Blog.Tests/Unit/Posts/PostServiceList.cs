using Blog.Domain.Paging;
using Blog.Domain.Posts;
using Blog.Domain.Users;
using Moq;

namespace Blog.Tests.Unit.Posts;

public sealed class PostServiceList : PostServiceTestBase
{
    private const int Size = 2;

    /// <summary>Four posts, newest first.</summary>
    private List<Post> newestFirst = null!;

    [SetUp]
    public void SetUp()
    {
        newestFirst = Enumerable.Range(0, 4)
            .Select(age => Post.Create(new PostContent($"Post {age}", "Body"), Author, Posted.AddMinutes(-age)))
            .ToList();
        Posts.Setup(repository => repository.CountAsync(It.IsAny<PostCriteria>(), It.IsAny<CancellationToken>())).ReturnsAsync(4);
        Users.Setup(repository => repository.FindByUsernameAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((User?)null);
    }

    [Test]
    public async Task ReturnsAnEmptyPageWithoutReadingPostsGivenAnUnknownAuthor()
    {
        var page = await Service.ListAsync(new PostFilter("nobody", null), new PageRequest(Size, null), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Is.Empty);
            Assert.That(page.TotalItems, Is.Zero);
            Assert.That(page.Next, Is.Null);
            Assert.That(page.Prev, Is.Null);
        });
        Posts.Verify(
            repository => repository.GetSliceAsync(It.IsAny<PostCriteria>(), It.IsAny<PageCursor?>(), It.IsAny<int>(), It.IsAny<CancellationToken>()),
            Times.Never);
        Posts.Verify(repository => repository.CountAsync(It.IsAny<PostCriteria>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task ReadsOnlyTheKnownAuthorsPosts()
    {
        var rick = User.Register("rick", null, "hash", Posted);
        Users.Setup(repository => repository.FindByUsernameAsync("RICK", It.IsAny<CancellationToken>())).ReturnsAsync(rick);
        SliceFrom(null, newestFirst[..1]);

        await Service.ListAsync(new PostFilter("RICK", null), new PageRequest(Size, null), CancellationToken.None);

        Posts.Verify(repository => repository.GetSliceAsync(new PostCriteria(rick.Id, null, null, Now.UtcDateTime), null, Size + 1, It.IsAny<CancellationToken>()), Times.Once);
        Posts.Verify(repository => repository.CountAsync(new PostCriteria(rick.Id, null, null, Now.UtcDateTime), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task TreatsAnEmptySearchTextAsNoFilter()
    {
        SliceFrom(null, newestFirst[..(Size + 1)]);

        await Service.ListAsync(new PostFilter(null, ""), new PageRequest(Size, null), CancellationToken.None);

        Posts.Verify(repository => repository.GetSliceAsync(new PostCriteria(null, null, null, Now.UtcDateTime), null, Size + 1, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task ReturnsTheFirstPageWithTheTotalAndANextCursor()
    {
        SliceFrom(null, newestFirst[..(Size + 1)]);

        var page = await Service.ListAsync(new PostFilter(null, null), new PageRequest(Size, null), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Is.EqualTo(newestFirst[..Size]));
            Assert.That(page.TotalItems, Is.EqualTo(4));
            Assert.That(page.Next, Is.EqualTo(PageCursor.After(newestFirst[1].PostedDate, newestFirst[1].Id)));
            Assert.That(page.Prev, Is.Null);
        });
    }

    [Test]
    public async Task ShowsAShortPageRatherThanRepeatingPostsWhenPagingBackReachesTheNewest()
    {
        var cursor = PageCursor.Before(newestFirst[1].PostedDate, newestFirst[1].Id);
        SliceFrom(cursor, [newestFirst[0]], hasItemsBehindCursor: true);

        var page = await Service.ListAsync(new PostFilter(null, null), new PageRequest(Size, cursor), CancellationToken.None);

        Posts.Verify(repository => repository.GetSliceAsync(It.IsAny<PostCriteria>(), null, It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Is.EqualTo(new[] { newestFirst[0] }));
            Assert.That(page.Prev, Is.Null);
            Assert.That(page.Next, Is.EqualTo(PageCursor.After(newestFirst[0].PostedDate, newestFirst[0].Id)));
        });
    }

    [Test]
    public async Task KeepsThePageBeforeTheCursorWhenMoreNewerPostsRemain()
    {
        var cursor = PageCursor.Before(newestFirst[3].PostedDate, newestFirst[3].Id);
        SliceFrom(cursor, [newestFirst[2], newestFirst[1], newestFirst[0]], hasItemsBehindCursor: true);

        var page = await Service.ListAsync(new PostFilter(null, null), new PageRequest(Size, cursor), CancellationToken.None);

        Posts.Verify(repository => repository.GetSliceAsync(It.IsAny<PostCriteria>(), null, It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(page.Items, Is.EqualTo(new[] { newestFirst[1], newestFirst[2] }));
    }

    private void SliceFrom(PageCursor? cursor, List<Post> items, bool hasItemsBehindCursor = false) => Posts
        .Setup(repository => repository.GetSliceAsync(It.IsAny<PostCriteria>(), cursor, Size + 1, It.IsAny<CancellationToken>()))
        .ReturnsAsync(new KeysetSlice<Post>(items, hasItemsBehindCursor));
}
