using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Blog.Api.RateLimits;

/// <summary>
/// One budget, kept in Redis by <paramref name="shared"/>; while Redis does not answer, an in-memory limiter of this
/// instance stands in (see <see cref="SharedBudgets"/>). Refusals carry the framework's RetryAfter, like the
/// in-memory limiters' (<paramref name="translate"/>).
/// </summary>
public sealed class SharedLimiter(
    RateLimiter shared,
    Func<RateLimitLease, RateLimitLease> translate,
    Func<RateLimiter> createLocal,
    SharedBudgets budgets) : RateLimiter
{
    private readonly Lazy<RateLimiter> local = new(createLocal);

    /// <summary>Idle when both are: an in-memory stand-in that still counts permits keeps the partition alive.</summary>
    public override TimeSpan? IdleDuration =>
        local.IsValueCreated
            ? local.Value.IdleDuration is { } localIdle && shared.IdleDuration is { } sharedIdle ? TimeSpan.FromTicks(Math.Min(localIdle.Ticks, sharedIdle.Ticks)) : null
            : shared.IdleDuration;

    /// <summary>RedisRateLimiting's limiters keep no statistics (theirs throw); the stand-in's, if it ever served.</summary>
    public override RateLimiterStatistics? GetStatistics() => local.IsValueCreated ? local.Value.GetStatistics() : null;

    /// <summary>
    /// Everything is decided asynchronously: this refusal carries nothing, and the rate limiting middleware then calls
    /// <see cref="AcquireAsyncCore"/> (as RedisRateLimiting's own limiters expect), which completes at once when the
    /// in-memory stand-in answers.
    /// </summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => AskAsynchronously.Instance;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (budgets.ShouldAsk())
        {
            try
            {
                // The wait is bounded by the connection's asyncTimeout (see SharedBudgets for why it is long). A
                // timer of its own here (500 ms) fired when a burst kept this process's threads busy although Redis
                // had answered, and handed the burst to each instance's own budget (200 guesses: 11-30 × 401, not 10).
                var lease = await shared.AcquireAsync(permitCount, cancellationToken);
                budgets.Answered();
                return translate(lease);
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                budgets.DidNotAnswer(exception);
            }
        }

        return await local.Value.AcquireAsync(permitCount, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            shared.Dispose();
            if (local.IsValueCreated)
            {
                local.Value.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private sealed class AskAsynchronously : RateLimitLease
    {
        public static readonly AskAsynchronously Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
