using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Blog.Domain.Paging;
using Microsoft.AspNetCore.DataProtection;

namespace Blog.Api.Hal;

/// <summary>
/// The one place that turns a keyset position into the opaque text of a link and back. The position is sealed with
/// ASP.NET Core data protection (authenticated encryption), so a cursor this service did not issue, or one a client
/// edited, is refused instead of being taken as a position.
/// </summary>
/// <remarks>
/// Each kind of position is sealed for a purpose of its own, so a cursor of one kind of list (a page of posts) is
/// refused by a list of another kind (the tags) instead of being misread. A (date, id) position keeps the purpose and
/// layout it always had: cursors issued before (rank, name) positions existed still open.
/// </remarks>
public sealed class CursorCodec(IDataProtectionProvider provider)
{
    public const int MaxLength = 512;

    // Direction (1 byte), the date's ticks (8) and the id (16).
    private const int PositionLength = 25;

    // Direction (1 byte) and the rank (4), then the name as UTF-8.
    private const int RankHeaderLength = 5;
    private const int MaxRankNameBytes = 64;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly IDataProtector protector = provider.CreateProtector("Blog.Api.PageCursor.v2");
    private readonly IDataProtector rankProtector = provider.CreateProtector("Blog.Api.RankCursor.v1");

    /// <summary>Any kind of position, as a page's <c>next</c> and <c>prev</c> links carry it.</summary>
    public string Encode(KeysetCursor cursor) => cursor switch
    {
        PageCursor dated => Encode(dated),
        RankCursor ranked => Encode(ranked),
        _ => throw new ArgumentOutOfRangeException(nameof(cursor), cursor.GetType().Name, "No cursor text is defined for this kind of position."),
    };

    public string Encode(PageCursor cursor)
    {
        var position = new byte[PositionLength];
        position[0] = (byte)cursor.Direction;
        BinaryPrimitives.WriteInt64BigEndian(position.AsSpan(1), cursor.Date.Ticks);
        cursor.Id.TryWriteBytes(position.AsSpan(9), bigEndian: true, out _);
        return Seal(protector, position);
    }

    public string Encode(RankCursor cursor)
    {
        var name = StrictUtf8.GetBytes(cursor.Name);
        if (name.Length > MaxRankNameBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(cursor), cursor.Name.Length, $"A ranked position's name is at most {MaxRankNameBytes} bytes.");
        }

        var position = new byte[RankHeaderLength + name.Length];
        position[0] = (byte)cursor.Direction;
        BinaryPrimitives.WriteInt32BigEndian(position.AsSpan(1), cursor.Rank);
        name.CopyTo(position.AsSpan(RankHeaderLength));
        return Seal(rankProtector, position);
    }

    public bool TryDecode(string? text, out PageCursor? cursor)
    {
        cursor = null;
        // Only this class seals with this purpose, so what unprotects is a position it wrote; the shape is checked all the same.
        if (!TryUnseal(protector, text, out var position) || position.Length != PositionLength || !Enum.IsDefined((PageDirection)position[0]))
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(position.AsSpan(1));
        cursor = new PageCursor((PageDirection)position[0], new DateTime(ticks, DateTimeKind.Utc), new Guid(position.AsSpan(9), bigEndian: true));
        return true;
    }

    public bool TryDecodeRanked(string? text, out RankCursor? cursor)
    {
        cursor = null;
        if (!TryUnseal(rankProtector, text, out var position)
            || position.Length is < RankHeaderLength or > RankHeaderLength + MaxRankNameBytes
            || !Enum.IsDefined((PageDirection)position[0]))
        {
            return false;
        }

        string name;
        try
        {
            name = StrictUtf8.GetString(position.AsSpan(RankHeaderLength));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        cursor = new RankCursor((PageDirection)position[0], BinaryPrimitives.ReadInt32BigEndian(position.AsSpan(1)), name);
        return true;
    }

    private static string Seal(IDataProtector sealer, byte[] position) => Base64Url.EncodeToString(sealer.Protect(position));

    private static bool TryUnseal(IDataProtector sealer, string? text, out byte[] position)
    {
        position = [];
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || !Base64Url.IsValid(text))
        {
            return false;
        }

        try
        {
            position = sealer.Unprotect(Base64Url.DecodeFromChars(text));
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
