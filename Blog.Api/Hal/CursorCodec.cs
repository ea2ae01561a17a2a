using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Blog.Domain.Paging;
using Microsoft.AspNetCore.DataProtection;

namespace Blog.Api.Hal;

/// <summary>
/// The one place that turns a <see cref="PageCursor"/> into the opaque text of a link and back. The position is
/// sealed with ASP.NET Core data protection (authenticated encryption), so a cursor this service did not issue, or
/// one a client edited, is refused instead of being taken as a position.
/// </summary>
public sealed class CursorCodec(IDataProtectionProvider provider)
{
    public const int MaxLength = 512;

    // Direction (1 byte), the date's ticks (8) and the id (16).
    private const int PositionLength = 25;

    private readonly IDataProtector protector = provider.CreateProtector("Blog.Api.PageCursor.v2");

    public string Encode(PageCursor cursor)
    {
        var position = new byte[PositionLength];
        position[0] = (byte)cursor.Direction;
        BinaryPrimitives.WriteInt64BigEndian(position.AsSpan(1), cursor.Date.Ticks);
        cursor.Id.TryWriteBytes(position.AsSpan(9), bigEndian: true, out _);
        return Base64Url.EncodeToString(protector.Protect(position));
    }

    public bool TryDecode(string? text, out PageCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || !Base64Url.IsValid(text))
        {
            return false;
        }

        byte[] position;
        try
        {
            position = protector.Unprotect(Base64Url.DecodeFromChars(text));
        }
        catch (CryptographicException)
        {
            return false;
        }

        // Only this class seals with this purpose, so what unprotects is a position it wrote; the shape is checked all the same.
        if (position.Length != PositionLength || !Enum.IsDefined((PageDirection)position[0]))
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(position.AsSpan(1));
        cursor = new PageCursor((PageDirection)position[0], new DateTime(ticks, DateTimeKind.Utc), new Guid(position.AsSpan(9), bigEndian: true));
        return true;
    }
}
