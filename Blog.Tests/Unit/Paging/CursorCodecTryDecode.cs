using Blog.Api.Hal;
using Blog.Domain.Paging;
using Microsoft.AspNetCore.DataProtection;

namespace Blog.Tests.Unit.Paging;

public sealed class CursorCodecTryDecode
{
    private static readonly DateTime Date = new(2026, 11, 21, 10, 0, 0, 123, DateTimeKind.Utc);
    private static readonly Guid Id = Guid.CreateVersion7();

    private readonly CursorCodec cursors = new(new EphemeralDataProtectionProvider());

    [TestCase(PageDirection.Forward)]
    [TestCase(PageDirection.Backward)]
    public void ReadsBackTheCursorItIssued(PageDirection direction)
    {
        var cursor = new PageCursor(direction, Date, Id);

        var decoded = cursors.TryDecode(cursors.Encode(cursor), out var read);

        Assert.Multiple(() =>
        {
            Assert.That(decoded, Is.True);
            Assert.That(read, Is.EqualTo(cursor));
            Assert.That(read!.Date.Kind, Is.EqualTo(DateTimeKind.Utc));
        });
    }

    [Test]
    public void ReadsBackTheExtremesOfTheDateRange()
    {
        cursors.TryDecode(cursors.Encode(PageCursor.After(DateTime.MaxValue, Id)), out var latest);
        cursors.TryDecode(cursors.Encode(PageCursor.Before(DateTime.UnixEpoch, Id)), out var earliest);

        Assert.Multiple(() =>
        {
            Assert.That(latest!.Date.Ticks, Is.EqualTo(DateTime.MaxValue.Ticks));
            Assert.That(earliest!.Date, Is.EqualTo(DateTime.UnixEpoch));
        });
    }

    [Test]
    public void RefusesAnIssuedCursorWithOneCharacterChanged()
    {
        var text = cursors.Encode(PageCursor.After(Date, Id));
        var edited = text[..^3] + (text[^3] == 'A' ? 'B' : 'A') + text[^2..];

        Assert.That(cursors.TryDecode(edited, out _), Is.False);
    }

    [Test]
    public void RefusesACursorSealedWithAnotherKey()
    {
        var other = new CursorCodec(new EphemeralDataProtectionProvider());

        Assert.That(cursors.TryDecode(other.Encode(PageCursor.After(Date, Id)), out _), Is.False);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("garbage")]
    [TestCase("not base64url!")]
    [TestCase("bi4xMjM")]
    public void RefusesTextItDidNotIssue(string? text) => Assert.That(cursors.TryDecode(text, out _), Is.False);

    [Test]
    public void RefusesTextOver512Characters() =>
        Assert.That(cursors.TryDecode(new string('A', 513), out _), Is.False);
}
