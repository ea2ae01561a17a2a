using Blog.Api.Hal;
using Blog.Domain.Paging;
using Microsoft.AspNetCore.DataProtection;

namespace Blog.Tests.Unit.Paging;

public sealed class CursorCodecTryDecodeRanked
{
    private readonly CursorCodec cursors = new(new EphemeralDataProtectionProvider());

    [TestCase(PageDirection.Forward, 0, "a")]
    [TestCase(PageDirection.Backward, int.MaxValue, "a-name-of-thirty-two-characters-")]
    [TestCase(PageDirection.Forward, 7, "dotnet")]
    public void ReadsBackTheCursorItIssued(PageDirection direction, int rank, string name)
    {
        var cursor = new RankCursor(direction, rank, name);

        var decoded = cursors.TryDecodeRanked(cursors.Encode(cursor), out var read);

        Assert.Multiple(() =>
        {
            Assert.That(decoded, Is.True);
            Assert.That(read, Is.EqualTo(cursor));
        });
    }

    [Test]
    public void EncodesEachKindOfPositionThroughTheSameEntry()
    {
        KeysetCursor ranked = RankCursor.After(3, "http");

        cursors.TryDecodeRanked(cursors.Encode(ranked), out var read);

        Assert.That(read, Is.EqualTo(ranked));
    }

    [Test]
    public void RefusesADateCursor() =>
        Assert.That(cursors.TryDecodeRanked(cursors.Encode(PageCursor.After(DateTime.UnixEpoch, Guid.CreateVersion7())), out _), Is.False);

    [Test]
    public void IsRefusedWhereADateCursorIsExpected() =>
        Assert.That(cursors.TryDecode(cursors.Encode(RankCursor.After(3, "http")), out _), Is.False);

    [Test]
    public void RefusesAnIssuedCursorWithOneCharacterChanged()
    {
        var text = cursors.Encode(RankCursor.After(3, "http"));
        var edited = text[..^3] + (text[^3] == 'A' ? 'B' : 'A') + text[^2..];

        Assert.That(cursors.TryDecodeRanked(edited, out _), Is.False);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("garbage")]
    public void RefusesTextItDidNotIssue(string? text) => Assert.That(cursors.TryDecodeRanked(text, out _), Is.False);
}
