using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Blog.Api.RateLimits;

/// <summary>
/// The budgets every instance shares when Redis is configured: reads, writes and failed sign-ins, each kept in Redis
/// by RedisRateLimiting's limiters under a key that names the budget (<c>rl:fw:{blog:writes by user RICK}</c>), with
/// the same permits and windows as in memory.
/// </summary>
/// <remarks>
/// When Redis is down (a command fails at once) or slower than the connection's asyncTimeout (see RedisSetup), a
/// request is neither failed nor let through unlimited: its budget is taken from an in-memory limiter of this
/// instance, exactly as without Redis, until Redis answers again. A 503 would let an outage of Redis, which only
/// keeps counts, stop the whole service; letting everything through would let whoever can slow Redis down guess
/// passwords without limit. Falling back keeps every limit, per instance (with N instances a client may get up to N
/// times its budget meanwhile). A warning says so once per outage. The timeout is StackExchange.Redis's asyncTimeout
/// (5 s unless the configuration string sets another): at 500 ms, a burst of 200 sign-ins on this busy 2-core machine
/// was late often enough that both instances fell back to their own budgets (20 × 401 instead of 10), so the timeout
/// is left long enough to mean that Redis, not this process, is stuck, and a stuck Redis costs few requests that
/// wait for it (<see cref="ShouldAsk"/>).
/// <para>
/// RedisRateLimiting times windows with each instance's clock, in whole seconds: the instances' clocks must agree
/// (NTP), and a window lasts up to a second longer than configured (SharedLeases says so in Retry-After).
/// </para>
/// </remarks>
public sealed class SharedBudgets(IConnectionMultiplexer redis, string keyPrefix, TimeProvider time, ILogger<SharedBudgets> logger)
{
    private static readonly TimeSpan CoolOff = TimeSpan.FromSeconds(5);

    private long askAgainAt;
    private int failing;

    /// <summary>
    /// Whether this request should ask Redis: always while Redis answers. After it failed to, no request for
    /// <see cref="CoolOff"/>, then one (the first to ask) every <see cref="CoolOff"/> until one gets an answer: a Redis
    /// that hangs holds up one request per instance every few seconds, not every request.
    /// </summary>
    public bool ShouldAsk()
    {
        if (Volatile.Read(ref failing) == 0)
        {
            return true;
        }

        var now = time.GetTimestamp();
        var due = Volatile.Read(ref askAgainAt);
        return now >= due && Interlocked.CompareExchange(ref askAgainAt, now + CoolOffTicks, due) == due;
    }

    private long CoolOffTicks => (long)(CoolOff.TotalSeconds * time.TimestampFrequency);

    public RateLimiter TokenBucket(string budget, BucketLimit limit, Func<RateLimiter> local) => new SharedLimiter(
        new RedisTokenBucketRateLimiter<string>(keyPrefix + budget, new RedisTokenBucketRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => redis,
            TokenLimit = limit.Burst,
            TokensPerPeriod = limit.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        }),
        SharedLeases.FromTokenBucket,
        local,
        this);

    public RateLimiter Window(string budget, WindowLimit limit, Func<RateLimiter> local)
    {
        var key = keyPrefix + budget;
        return new SharedLimiter(
            new RedisFixedWindowRateLimiter<string>(key, new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis,
                PermitLimit = limit.PermitLimit,
                Window = limit.Window,
            }),
            lease => SharedLeases.FromWindow(lease, key, redis, this),
            local,
            this);
    }

    public void Answered()
    {
        if (Interlocked.Exchange(ref failing, 0) == 1)
        {
            logger.LogInformation("Redis answers again: the rate limits are shared by every instance again");
        }
    }

    public void DidNotAnswer(Exception exception)
    {
        Volatile.Write(ref askAgainAt, time.GetTimestamp() + CoolOffTicks);
        if (Interlocked.Exchange(ref failing, 1) == 0)
        {
            logger.LogWarning(
                "Redis did not answer a rate limit ({Reason}): each instance keeps its own rate limits until it does",
                exception.Message);
        }
    }
}
