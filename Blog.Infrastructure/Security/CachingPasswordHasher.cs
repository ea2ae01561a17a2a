using System.Security.Cryptography;
using System.Text;
using Blog.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace Blog.Infrastructure.Security;

/// <summary>
/// PBKDF2 hashes from ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>. A verification that succeeded is
/// remembered for a short time, so Basic authentication does not pay PBKDF2 on every request. The cache key is an
/// HMAC (with a key that lives only in this process) of the stored hash and the password: never the password itself.
/// </summary>
internal sealed class CachingPasswordHasher : IPasswordHasher, IDisposable
{
    private static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(5);
    private static readonly object NoUser = new();

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });
    private readonly PasswordHasher<object> hasher = new();
    private readonly byte[] cacheKeySecret = RandomNumberGenerator.GetBytes(32);
    private readonly Lazy<string> decoyHash = new(() => new PasswordHasher<object>().HashPassword(NoUser, "decoy password"));

    public string Hash(string password) => hasher.HashPassword(NoUser, password);

    public PasswordCheck Verify(string? passwordHash, string password)
    {
        if (passwordHash is null)
        {
            hasher.VerifyHashedPassword(NoUser, decoyHash.Value, password);
            return PasswordCheck.Failed;
        }

        var key = CacheKey(passwordHash, password);
        if (cache.TryGetValue(key, out _))
        {
            return PasswordCheck.Success;
        }

        var result = hasher.VerifyHashedPassword(NoUser, passwordHash, password) switch
        {
            PasswordVerificationResult.Success => PasswordCheck.Success,
            PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SuccessRehashNeeded,
            _ => PasswordCheck.Failed,
        };
        if (result == PasswordCheck.Success)
        {
            cache.Set(key, true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = RememberFor, Size = 1 });
        }

        return result;
    }

    public void Dispose() => cache.Dispose();

    private string CacheKey(string passwordHash, string password)
    {
        var mac = HMACSHA256.HashData(cacheKeySecret, Encoding.UTF8.GetBytes($"{passwordHash}\n{password}"));
        return "verified-credentials:" + Convert.ToBase64String(mac);
    }
}
