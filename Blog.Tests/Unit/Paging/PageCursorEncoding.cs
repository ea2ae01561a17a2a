using Blog.Domain.Paging;

namespace Blog.Tests.Unit.Paging;

public sealed class PageCursorEncoding
{
    private static readonly DateTime Date = new DateTime(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc).AddTicks(1234567);
    private static readonly Guid Id = Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

    [TestCase(PageDirection.Older)]
    [TestCase(PageDirection.Newer)]
    public void DecodesWhatItEncoded(PageDirection direction)
    {
        var cursor = new PageCursor(direction, Date, Id);

        var decoded = PageCursor.TryDecode(cursor.Encode(), out var read);

        Assert.Multiple(() =>
        {
            Assert.That(decoded, Is.True);
            Assert.That(read, Is.EqualTo(cursor));
            Assert.That(read!.Date.Kind, Is.EqualTo(DateTimeKind.Utc));
        });
    }

    [Test]
    public void EncodesAsTextThatNeedsNoEscapingInAQueryString()
    {
        var encoded = PageCursor.After(DateTime.MaxValue, Id).Encode();

        Assert.That(encoded, Does.Match("^[A-Za-z0-9_-]+$"));
    }

    [Test]
    public void EncodesTheTwoDirectionsDifferently() =>
        Assert.That(PageCursor.After(Date, Id).Encode(), Is.Not.EqualTo(PageCursor.Before(Date, Id).Encode()));
}
