using System.Buffers.Text;
using System.Globalization;

namespace Blog.Domain.Paging;

/// <summary>
/// An opaque keyset position: the (date, id) of the item a page starts after, and the direction to read.
/// Encoded as base64url text so that it travels unchanged in a query string.
/// </summary>
public sealed record PageCursor(PageDirection Direction, DateTime Date, Guid Id)
{
    private const int MaxEncodedLength = 100;

    public static PageCursor After(DateTime date, Guid id) => new(PageDirection.Older, date, id);

    public static PageCursor Before(DateTime date, Guid id) => new(PageDirection.Newer, date, id);

    public string Encode()
    {
        var prefix = Direction == PageDirection.Older ? 'n' : 'p';
        var text = string.Create(CultureInfo.InvariantCulture, $"{prefix}.{Date.Ticks}.{Id:N}");
        return Base64Url.EncodeToString(System.Text.Encoding.ASCII.GetBytes(text));
    }

    /// <summary>Reads a cursor this service issued; anything else (even a re-spelling of a valid one) is refused.</summary>
    public static bool TryDecode(string? encoded, out PageCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(encoded) || encoded.Length > MaxEncodedLength || !Base64Url.IsValid(encoded))
        {
            return false;
        }

        var parts = System.Text.Encoding.ASCII.GetString(Base64Url.DecodeFromChars(encoded)).Split('.');
        if (parts.Length != 3
            || parts[0] is not ("n" or "p")
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTime.MaxValue.Ticks
            || !Guid.TryParseExact(parts[2], "N", out var id))
        {
            return false;
        }

        var direction = parts[0] == "n" ? PageDirection.Older : PageDirection.Newer;
        var candidate = new PageCursor(direction, new DateTime(ticks, DateTimeKind.Utc), id);
        if (candidate.Encode() != encoded)
        {
            return false;
        }

        cursor = candidate;
        return true;
    }
}

public enum PageDirection
{
    /// <summary>Items after the position in newest-first order (the "next" page).</summary>
    Older,

    /// <summary>Items before the position in newest-first order (the "prev" page).</summary>
    Newer,
}
