using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Blog.Domain.Tokens;

/// <summary>The secret a client presents: <c>blog_</c> and 32 random bytes in base64url (43 characters).</summary>
public static class AccessTokenSecret
{
    public const string Prefix = "blog_";

    private const int RandomBytes = 32;

    public static readonly int Length = Prefix.Length + Base64Url.GetEncodedLength(RandomBytes);

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>
    /// One unsalted SHA-256. Passwords need a salted, slow hash (PBKDF2) because people choose guessable ones; this
    /// secret is 256 random bits, so there is nothing to guess and a fast hash loses nothing. Being deterministic, the
    /// hash is also the key the token is found by, and a Bearer request costs no PBKDF2 at all.
    /// </summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Has the shape of a secret this service issues; anything else is refused without a look-up.</summary>
    public static bool IsWellFormed(string text) =>
        text.Length == Length && text.StartsWith(Prefix, StringComparison.Ordinal) && Base64Url.IsValid(text.AsSpan(Prefix.Length));
}
