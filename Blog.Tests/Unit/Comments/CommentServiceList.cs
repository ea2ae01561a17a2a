using Blog.Domain.Comments;
using Blog.Domain.Errors;
using Blog.Domain.Paging;
using Blog.Domain.Posts;
using Moq;

namespace Blog.Tests.Unit.Comments;

public sealed class CommentServiceList : CommentServiceTestBase
{
    [Test]
    public async Task ReadsThePostsCommentsOldestFirstAndCountsThemFromThePost()
    {
        var counted = StorePost(Post.Restore(
            Guid.NewGuid(), "Counted", "Body", [], PostAuthor.UserId, PostAuthor.Username, Posted.UtcDateTime, Posted.UtcDateTime,
            Posted.UtcDateTime, commentCount: 3, version: 4));
        var oldestFirst = Enumerable.Range(1, 3).Select(minute => Comment.Create(counted.Id, $"#{minute}", Commenter, Posted.AddMinutes(minute))).ToList();
        Comments.Setup(repository => repository.GetSliceAsync(counted.Id, null, 3, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new KeysetSlice<Comment>(oldestFirst, HasItemsBehindCursor: false));

        var page = await Service.ListAsync(counted.Id, null, new PageRequest(2, null), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Is.EqualTo(oldestFirst.Take(2)));
            Assert.That(page.TotalItems, Is.EqualTo(3));
            Assert.That(page.Next, Is.EqualTo(PageCursor.After(oldestFirst[1].PostedDate, oldestFirst[1].Id)));
            Assert.That(page.Prev, Is.Null);
        });
    }

    [Test]
    public async Task ShowsTheCommentsOfADraftToItsAuthor()
    {
        Comments.Setup(repository => repository.GetSliceAsync(Draft.Id, null, It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new KeysetSlice<Comment>([], HasItemsBehindCursor: false));

        var page = await Service.ListAsync(Draft.Id, PostAuthor.UserId, new PageRequest(20, null), CancellationToken.None);

        Assert.That(page.Items, Is.Empty);
    }

    [Test]
    public void ThrowsNotFoundForTheCommentsOfADraftGivenAnotherUser() =>
        Assert.ThrowsAsync<NotFoundException>(() => Service.ListAsync(Draft.Id, Commenter.UserId, new PageRequest(20, null), CancellationToken.None));

    [Test]
    public void ThrowsNotFoundForTheCommentsOfADraftGivenNoUser() =>
        Assert.ThrowsAsync<NotFoundException>(() => Service.ListAsync(Draft.Id, null, new PageRequest(20, null), CancellationToken.None));

    [Test]
    public void ThrowsNotFoundForAnUnknownPost() =>
        Assert.ThrowsAsync<NotFoundException>(() => Service.ListAsync(Guid.NewGuid(), null, new PageRequest(20, null), CancellationToken.None));
}
