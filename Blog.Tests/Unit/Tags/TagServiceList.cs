using Blog.Domain.Paging;
using Blog.Domain.Tags;
using Moq;

namespace Blog.Tests.Unit.Tags;

public sealed class TagServiceList : TagServiceTestBase
{
    private static readonly TagSummary[] MostUsedFirst = [new("alpha", 5), new("beta", 5), new("gamma", 2)];

    [Test]
    public async Task ReadsOneMoreThanThePageAndCountsAtTheClocksInstant()
    {
        Tags.Setup(repository => repository.GetSliceAsync(null, 3, Now.UtcDateTime, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new KeysetSlice<TagSummary>(MostUsedFirst, HasItemsBehindCursor: false));
        Tags.Setup(repository => repository.CountAsync(Now.UtcDateTime, It.IsAny<CancellationToken>())).ReturnsAsync(7);

        var page = await Service.ListAsync(2, null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Is.EqualTo(MostUsedFirst[..2]));
            Assert.That(page.TotalItems, Is.EqualTo(7));
            Assert.That(page.Next, Is.EqualTo(RankCursor.After(5, "beta")));
            Assert.That(page.Prev, Is.Null);
        });
    }

    [Test]
    public async Task PointsBothWaysFromAMiddlePage()
    {
        var cursor = RankCursor.After(5, "alpha");
        Tags.Setup(repository => repository.GetSliceAsync(cursor, 2, Now.UtcDateTime, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new KeysetSlice<TagSummary>(MostUsedFirst[1..], HasItemsBehindCursor: true));
        Tags.Setup(repository => repository.CountAsync(Now.UtcDateTime, It.IsAny<CancellationToken>())).ReturnsAsync(3);

        var page = await Service.ListAsync(1, cursor, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Is.EqualTo(new[] { MostUsedFirst[1] }));
            Assert.That(page.Next, Is.EqualTo(RankCursor.After(5, "beta")));
            Assert.That(page.Prev, Is.EqualTo(RankCursor.Before(5, "beta")));
        });
    }

    [Test]
    public async Task PutsAPrevPageReadBackwardsInListOrder()
    {
        var cursor = RankCursor.Before(2, "gamma");
        Tags.Setup(repository => repository.GetSliceAsync(cursor, 3, Now.UtcDateTime, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new KeysetSlice<TagSummary>([MostUsedFirst[1], MostUsedFirst[0]], HasItemsBehindCursor: true));
        Tags.Setup(repository => repository.CountAsync(Now.UtcDateTime, It.IsAny<CancellationToken>())).ReturnsAsync(3);

        var page = await Service.ListAsync(2, cursor, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Is.EqualTo(MostUsedFirst[..2]));
            Assert.That(page.Next, Is.EqualTo(RankCursor.After(5, "beta")));
            Assert.That(page.Prev, Is.Null);
        });
    }

    [Test]
    public async Task PointsBackToTheCursorWhenEverythingPastItIsGone()
    {
        var cursor = RankCursor.After(2, "gamma");
        Tags.Setup(repository => repository.GetSliceAsync(cursor, 3, Now.UtcDateTime, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new KeysetSlice<TagSummary>([], HasItemsBehindCursor: true));
        Tags.Setup(repository => repository.CountAsync(Now.UtcDateTime, It.IsAny<CancellationToken>())).ReturnsAsync(3);

        var page = await Service.ListAsync(2, cursor, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Is.Empty);
            Assert.That(page.Next, Is.Null);
            Assert.That(page.Prev, Is.EqualTo(RankCursor.Before(2, "gamma")));
        });
    }
}
