namespace Blog.Domain.Tokens;

/// <summary>
/// A personal access token: a named, scoped, expiring stand-in for its owner's password. Only the SHA-256 of its
/// secret is kept; the secret itself is shown once, when the token is issued.
/// </summary>
public sealed class AccessToken
{
    public const int NameMaxLength = 100;
    public const int MinLifetimeDays = 1;
    public const int MaxLifetimeDays = 365;

    /// <summary>How stale <see cref="LastUsedDate"/> may be: it is written at most once per interval, not on every request.</summary>
    public static readonly TimeSpan LastUseGranularity = TimeSpan.FromMinutes(1);

    private AccessToken(Guid id, Guid userId, string ownerName, string name, AccessTokenScopes scopes, byte[] secretHash, DateTime createdDate, DateTime expiresDate)
    {
        Id = id;
        UserId = userId;
        OwnerName = ownerName;
        Name = name;
        Scopes = scopes;
        SecretHash = secretHash;
        CreatedDate = createdDate;
        ExpiresDate = expiresDate;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>The owner's username as written at registration (usernames never change), so a sign-in needs no second look-up.</summary>
    public string OwnerName { get; private set; }

    public string Name { get; private set; }

    public AccessTokenScopes Scopes { get; private set; }

    /// <summary>SHA-256 of the secret (see <see cref="AccessTokenSecret.Hash"/>).</summary>
    public byte[] SecretHash { get; private set; }

    public DateTime CreatedDate { get; private set; }

    public DateTime ExpiresDate { get; private set; }

    /// <summary>When the token last signed a request in, to within <see cref="LastUseGranularity"/>; null until then.</summary>
    public DateTime? LastUsedDate { get; private set; }

    public static AccessToken Issue(Actor owner, string name, AccessTokenScopes scopes, byte[] secretHash, int lifetimeDays, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), owner.UserId, owner.Username, name, scopes, secretHash, Clock.Truncate(now), Clock.Truncate(now.AddDays(lifetimeDays)));

    public bool HasExpired(DateTimeOffset now) => now.UtcDateTime >= ExpiresDate;

    /// <summary>True when this use should be written down: the last one recorded is older than the granularity.</summary>
    public bool RecordUse(DateTimeOffset now)
    {
        if (LastUsedDate is { } last && now.UtcDateTime - last < LastUseGranularity)
        {
            return false;
        }

        LastUsedDate = Clock.Truncate(now);
        return true;
    }
}
