using Blog.Domain.Paging;

namespace Blog.Tests.Unit.Paging;

public sealed class KeysetPagingToPage
{
    private const int Size = 2;

    /// <summary>Five items, newest first: <c>Items[0]</c> is the newest.</summary>
    private static readonly Item[] Items = Enumerable.Range(0, 5)
        .Select(age => new Item(new DateTime(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc).AddMinutes(-age), Guid.NewGuid()))
        .ToArray();

    [Test]
    public void SetsNextButNotPrevOnAFirstPageWithMoreItems()
    {
        var page = ToPage(null, [Items[0], Items[1], Items[2]], hasItemsBehindCursor: false);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Is.EqualTo(new[] { Items[0], Items[1] }));
            Assert.That(page.Next, Is.EqualTo(After(Items[1])));
            Assert.That(page.Prev, Is.Null);
            Assert.That(page.TotalItems, Is.EqualTo(Items.Length));
        });
    }

    [Test]
    public void SetsNeitherCursorOnAFirstPageThatHoldsEverything()
    {
        var page = ToPage(null, [Items[0], Items[1]], hasItemsBehindCursor: false);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Has.Count.EqualTo(2));
            Assert.That(page.Next, Is.Null);
            Assert.That(page.Prev, Is.Null);
        });
    }

    [Test]
    public void SetsPrevButNotNextOnTheLastPage()
    {
        var page = ToPage(After(Items[3]), [Items[4]], hasItemsBehindCursor: true);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Is.EqualTo(new[] { Items[4] }));
            Assert.That(page.Next, Is.Null);
            Assert.That(page.Prev, Is.EqualTo(Before(Items[4])));
        });
    }

    [Test]
    public void SetsBothCursorsOnAMiddlePage()
    {
        var page = ToPage(After(Items[1]), [Items[2], Items[3], Items[4]], hasItemsBehindCursor: true);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Is.EqualTo(new[] { Items[2], Items[3] }));
            Assert.That(page.Next, Is.EqualTo(After(Items[3])));
            Assert.That(page.Prev, Is.EqualTo(Before(Items[2])));
        });
    }

    [Test]
    public void ReversesANewerSliceToNewestFirstAndSetsPrevWhenMoreAreAhead()
    {
        // Reading newer, the repository returns the items nearest the cursor first, that is oldest first.
        var page = ToPage(Before(Items[4]), [Items[3], Items[2], Items[1]], hasItemsBehindCursor: true);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Is.EqualTo(new[] { Items[2], Items[3] }));
            Assert.That(page.Prev, Is.EqualTo(Before(Items[2])));
            Assert.That(page.Next, Is.EqualTo(After(Items[3])));
        });
    }

    [Test]
    public void LeavesPrevUnsetOnANewerSliceWithNothingAhead()
    {
        var page = ToPage(Before(Items[2]), [Items[1], Items[0]], hasItemsBehindCursor: true);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Is.EqualTo(new[] { Items[0], Items[1] }));
            Assert.That(page.Prev, Is.Null);
            Assert.That(page.Next, Is.EqualTo(After(Items[1])));
        });
    }

    [Test]
    public void LeavesNextUnsetOnANewerSliceWithNothingBehind()
    {
        var page = ToPage(Before(Items[2]), [Items[1], Items[0]], hasItemsBehindCursor: false);

        Assert.That(page.Next, Is.Null);
    }

    [Test]
    public void PointsPrevBackAtTheCursorWhenNothingIsLeftAfterIt()
    {
        var cursor = After(Items[4]);

        var page = ToPage(cursor, [], hasItemsBehindCursor: true);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Is.Empty);
            Assert.That(page.Next, Is.Null);
            Assert.That(page.Prev, Is.EqualTo(PageCursor.Before(cursor.Date, cursor.Id)));
        });
    }

    [Test]
    public void SetsNoCursorOnAnEmptyCollection()
    {
        var page = ToPage(null, [], hasItemsBehindCursor: false);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Is.Empty);
            Assert.That(page.Next, Is.Null);
            Assert.That(page.Prev, Is.Null);
        });
    }

    /// <summary>
    /// An oldest-first listing (a post's comments): its repository reads forward towards newer items and backward
    /// towards older ones, nearest the cursor first, and the page keeps the listing's order.
    /// </summary>
    [Test]
    public void PagesAnOldestFirstListingForwardAndBack()
    {
        var oldestFirst = Items.Reverse().ToArray();

        var forward = ToPage(After(oldestFirst[1]), [oldestFirst[2], oldestFirst[3], oldestFirst[4]], hasItemsBehindCursor: true);
        var backward = ToPage(Before(oldestFirst[2]), [oldestFirst[1], oldestFirst[0]], hasItemsBehindCursor: true);

        Assert.Multiple(() =>
        {
            Assert.That(forward.Items, Is.EqualTo(new[] { oldestFirst[2], oldestFirst[3] }));
            Assert.That(forward.Next, Is.EqualTo(After(oldestFirst[3])));
            Assert.That(forward.Prev, Is.EqualTo(Before(oldestFirst[2])));
            Assert.That(backward.Items, Is.EqualTo(new[] { oldestFirst[0], oldestFirst[1] }));
            Assert.That(backward.Next, Is.EqualTo(After(oldestFirst[1])));
            Assert.That(backward.Prev, Is.Null);
        });
    }

    private static Page<Item> ToPage(PageCursor? cursor, Item[] slice, bool hasItemsBehindCursor) => KeysetPaging.ToPage(
        new KeysetSlice<Item>(slice, hasItemsBehindCursor), new PageRequest(Size, cursor), Items.Length, item => (item.Date, item.Id));

    private static PageCursor After(Item item) => PageCursor.After(item.Date, item.Id);

    private static PageCursor Before(Item item) => PageCursor.Before(item.Date, item.Id);

    private sealed record Item(DateTime Date, Guid Id);
}
