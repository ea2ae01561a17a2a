using System.Security.Cryptography;
using Blog.Domain.Paging;
using Microsoft.AspNetCore.DataProtection;

namespace Blog.Api.Hal;

/// <summary>
/// Writes cursors into links and reads them back. Cursors are sealed with ASP.NET Core data protection, so a
/// cursor this service did not issue, or one a client edited, is refused instead of being taken as a position.
/// </summary>
public sealed class CursorCodec(IDataProtectionProvider provider)
{
    private const int MaxLength = 512;

    private readonly IDataProtector protector = provider.CreateProtector("Blog.Api.PageCursor.v1");

    public string Encode(PageCursor cursor) => protector.Protect(cursor.Encode());

    public bool TryDecode(string? text, out PageCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return false;
        }

        try
        {
            return PageCursor.TryDecode(protector.Unprotect(text), out cursor);
        }
        catch (CryptographicException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
