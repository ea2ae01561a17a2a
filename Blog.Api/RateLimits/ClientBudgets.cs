using System.Threading.RateLimiting;

namespace Blog.Api.RateLimits;

/// <summary>
/// The limiter of one budget of a client (its reads, its writes, its address's failed sign-ins): in this process's
/// memory, or, when Redis is configured (<see cref="SharedBudgets"/>), in Redis, where every instance spends from
/// the same one.
/// </summary>
public sealed class ClientBudgets(RateLimitingOptions options, TimeProvider time, SharedBudgets? shared = null)
{
    /// <summary>A token bucket that refills every second, so its refusals' RetryAfter (one refill) is the time left to the second.</summary>
    /// <remarks>
    /// In memory alone it is refilled by the partitioned limiter's one timer, as the framework's GetTokenBucketLimiter
    /// arranges; standing in for Redis, inside a SharedLimiter that the partitioned limiter cannot see into, by a timer of its own.
    /// </remarks>
    public RateLimiter Reads(string budget) =>
        shared is null ? LocalReads(autoReplenishment: false) : shared.TokenBucket(budget, options.Reads, () => LocalReads(autoReplenishment: true));

    /// <summary>A window opened by its first permit, whose refusals name the time left in it.</summary>
    public RateLimiter Window(string budget, WindowLimit limit) =>
        shared is null ? new WindowRateLimiter(limit, time) : shared.Window(budget, limit, () => new WindowRateLimiter(limit, time));

    private TokenBucketRateLimiter LocalReads(bool autoReplenishment) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = options.Reads.Burst,
        TokensPerPeriod = options.Reads.PermitsPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = autoReplenishment,
    });
}
