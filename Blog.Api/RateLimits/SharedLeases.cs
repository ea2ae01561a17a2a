using System.Globalization;
using System.Threading.RateLimiting;
using StackExchange.Redis;
using RedisMetadata = RedisRateLimiting.RateLimitMetadataName;

namespace Blog.Api.RateLimits;

/// <summary>RedisRateLimiting's leases, told in this service's terms: a refusal's RetryAfter as the time left, a window's permit that can be given back.</summary>
/// <remarks>This reads what RedisRateLimiting 1.2.1 keeps in Redis; the tests in Blog.Tests/Integration/SharedLimits fail if a later version keeps it otherwise.</remarks>
public static class SharedLeases
{
    /// <summary>A token bucket's refusal names the time to its next refill, in whole seconds rounded up.</summary>
    public static RateLimitLease FromTokenBucket(RateLimitLease lease)
    {
        if (lease.IsAcquired)
        {
            return lease;
        }

        var retryAfter = lease.TryGetMetadata(RedisMetadata.RetryAfter, out var seconds) ? Math.Max(1, seconds) : 1;
        lease.Dispose();
        return new RefusedLease(TimeSpan.FromSeconds(retryAfter));
    }

    /// <summary>
    /// A window ends once the clock, in whole seconds (the instances' own, which RedisRateLimiting sends with each
    /// call), passes the second stored as the window's end (its Reset): one second after that second began. So the
    /// time left, rounded up to a second, is one more than the refusal's RetryAfter (that end less the current whole
    /// second), and a client that waits for it finds a new window.
    /// </summary>
    public static RateLimitLease FromWindow(RateLimitLease lease, string partitionKey, IConnectionMultiplexer redis, SharedBudgets budgets)
    {
        if (lease.IsAcquired && lease.TryGetMetadata(RedisMetadata.Reset, out var windowEnd))
        {
            return new SharedWindowLease(redis, partitionKey, windowEnd, budgets);
        }

        if (lease.IsAcquired)
        {
            return lease;
        }

        var retryAfter = lease.TryGetMetadata(RedisMetadata.RetryAfter, out var seconds) ? Math.Max(0, seconds) + 1 : 1;
        lease.Dispose();
        return new RefusedLease(TimeSpan.FromSeconds(retryAfter));
    }

    /// <summary>
    /// A permit of a window in Redis, which can be given back without a script: a transaction (WATCH, then MULTI/EXEC)
    /// that takes it off the window's count only if that window is still the one it was granted in, so a permit is
    /// never returned to a later window, and the count never drops below what the others still hold.
    /// </summary>
    private sealed class SharedWindowLease(IConnectionMultiplexer redis, string partitionKey, long windowEnd, SharedBudgets budgets)
        : RateLimitLease, IReturnableLease
    {
        private int givenBack;

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        public async ValueTask GiveBackAsync()
        {
            if (Interlocked.Exchange(ref givenBack, 1) == 1)
            {
                return;
            }

            try
            {
                await ReturnAsync();
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                // The permit stays spent: the sign-in counts as a failure, which errs on the strict side.
                budgets.DidNotAnswer(exception);
            }
        }

        private async Task ReturnAsync()
        {
            // RedisRateLimiting's keys for a window: its count, and the second it ends.
            var count = new RedisKey($"rl:fw:{{{partitionKey}}}");
            var end = count.Append(":exp");
            var window = windowEnd.ToString(CultureInfo.InvariantCulture);
            var database = redis.GetDatabase();

            // The window's only permit: the window goes with it, so that the next permit opens a window of its own,
            // as WindowRateLimiter does in memory.
            var last = database.CreateTransaction();
            last.AddCondition(Condition.StringEqual(end, window));
            last.AddCondition(Condition.StringEqual(count, "1"));
            _ = last.KeyDeleteAsync([count, end]);
            if (await last.ExecuteAsync())
            {
                return;
            }

            var one = database.CreateTransaction();
            one.AddCondition(Condition.StringEqual(end, window));
            _ = one.StringDecrementAsync(count);
            await one.ExecuteAsync();
        }
    }
}
