using System.Buffers.Text;
using System.Text;
using Blog.Domain.Paging;

namespace Blog.Tests.Unit.Paging;

public sealed class PageCursorTryDecode
{
    private const long Ticks = 639_000_000_001_234_567;
    private const string Id = "0193a1b2c3d47e5f8a9b0c1d2e3f4a5b";

    [TestCase(null)]
    [TestCase("")]
    public void RejectsNullAndEmpty(string? encoded) => AssertRejected(encoded);

    [TestCase("!!!!")]
    [TestCase("not a cursor")]
    [TestCase("bi4xMjM")]
    [TestCase("a")]
    public void RejectsGarbage(string encoded) => AssertRejected(encoded);

    [Test]
    public void RejectsRandomBytes() => AssertRejected(Base64Url.EncodeToString([0xff, 0x00, 0xfe, 0x2e, 0x80, 0x2e, 0x01]));

    [Test]
    public void RejectsTextOverOneHundredCharacters() =>
        AssertRejected(Encode($"n.{Ticks}.{Id}" + new string('0', 60)));

    [TestCase("x")]
    [TestCase("N")]
    [TestCase("next")]
    [TestCase("")]
    public void RejectsAWrongPrefix(string prefix) => AssertRejected(Encode($"{prefix}.{Ticks}.{Id}"));

    [TestCase("n.{0}.{1}.extra")]
    [TestCase("n.{0}")]
    [TestCase("n.-1.{1}")]
    [TestCase("n.+{0}.{1}")]
    [TestCase("n.{0}.not-a-guid")]
    [TestCase("n.3155378976000000000.{1}")]
    [TestCase("n.99999999999999999999999.{1}")]
    public void RejectsMalformedParts(string format) => AssertRejected(Encode(string.Format(format, Ticks, Id)));

    [TestCase("n.0{0}.{1}", Description = "leading zero")]
    [TestCase("n.{0}.{2}", Description = "upper-case id")]
    [TestCase("n.{0}.{3}", Description = "hyphenated id")]
    public void RejectsReSpellingsOfAValidCursor(string format)
    {
        var text = string.Format(format, Ticks, Id, Id.ToUpperInvariant(), Guid.ParseExact(Id, "N").ToString("D"));
        Assert.That(PageCursor.TryDecode(Encode($"n.{Ticks}.{Id}"), out _), Is.True, "the canonical spelling is accepted");

        AssertRejected(Encode(text));
    }

    [Test]
    public void RejectsAValidCursorWithPaddingOrWhitespace()
    {
        var canonical = PageCursor.After(new DateTime(Ticks, DateTimeKind.Utc), Guid.ParseExact(Id, "N")).Encode();
        Assert.That(canonical.Length % 4, Is.Not.Zero, "the padded spelling differs from the canonical one");

        Assert.Multiple(() =>
        {
            AssertRejected(canonical + new string('=', 4 - (canonical.Length % 4)));
            AssertRejected(canonical + " ");
            AssertRejected(" " + canonical);
        });
    }

    [Test]
    public void RejectsStandardBase64ForTheSameText()
    {
        var text = Encoding.ASCII.GetBytes($"n.{Ticks}.{Id}");
        var standard = Convert.ToBase64String(text);
        Assert.That(standard, Is.Not.EqualTo(Base64Url.EncodeToString(text)), "the two alphabets differ for this text");

        AssertRejected(standard);
    }

    private static string Encode(string text) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(text));

    private static void AssertRejected(string? encoded)
    {
        var decoded = PageCursor.TryDecode(encoded, out var cursor);

        Assert.Multiple(() =>
        {
            Assert.That(decoded, Is.False, $"'{encoded}' was accepted");
            Assert.That(cursor, Is.Null);
        });
    }
}
