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
/// <remarks>
/// Each instance keeps its own cache, and that is safe with several instances behind a balancer: what is remembered
/// is only that this password matches this stored hash, which stays true forever, and the stored hash is read from
/// the shared database on every sign-in (UserService.SignInAsync) before this cache is asked. A password changed
/// anywhere is a new hash (with a new salt), hence a key no instance has seen: the old password is checked against the
/// new hash with PBKDF2 and fails at once, on every instance. A user who is gone has no hash and never reaches the
/// cache. Tokens are not cached at all (every Bearer request reads its token's row), so a revocation holds at once
/// everywhere. Sharing the cache (in Redis) would add a network hop and a copy of verified-credential keys outside
/// the process, and remove nothing stale.
/// </remarks>
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
