using System.Threading.RateLimiting;

namespace Blog.Api.RateLimits;

/// <summary>
/// At most <see cref="WindowLimit.PermitLimit"/> permits in a window of <see cref="WindowLimit.Window"/>, which opens
/// with the first permit taken. Two things set it apart from the framework's FixedWindowRateLimiter: a refusal's
/// <see cref="MetadataName.RetryAfter"/> is the time left in the window (the framework's names the whole window,
/// however little of it is left), and a permit can be given back (<see cref="IReturnableLease"/>: a failed sign-in that
/// was reserved before the password was checked, and was not one).
/// </summary>
public sealed class WindowRateLimiter(WindowLimit limit, TimeProvider time) : RateLimiter
{
    private readonly Lock gate = new();
    private readonly long windowLength = (long)(limit.Window.TotalSeconds * time.TimestampFrequency);
    private long? windowStart;
    private int used;
    private long idleSince = time.GetTimestamp();
    private long successful;
    private long failed;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (gate)
            {
                var now = time.GetTimestamp();
                EndWindowIfOver(now);
                return used == 0 ? time.GetElapsedTime(idleSince, now) : null;
            }
        }
    }

    /// <summary>Returns the permits of a lease this limiter granted, if its window is still open; any other lease is left alone.</summary>
    public static void GiveBack(RateLimitLease lease)
    {
        if (lease is Granted granted)
        {
            granted.GiveBack();
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (gate)
        {
            EndWindowIfOver(time.GetTimestamp());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = limit.PermitLimit - used,
                CurrentQueuedCount = 0,
                TotalFailedLeases = failed,
                TotalSuccessfulLeases = successful,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, limit.PermitLimit);
        lock (gate)
        {
            var now = time.GetTimestamp();
            EndWindowIfOver(now);
            // Asking for no permit only asks whether any is left.
            if (permitCount == 0 ? used < limit.PermitLimit : used + permitCount <= limit.PermitLimit)
            {
                successful++;
                if (permitCount == 0)
                {
                    return new Granted(this, 0, 0);
                }

                windowStart ??= now;
                used += permitCount;
                return new Granted(this, windowStart.Value, permitCount);
            }

            failed++;
            return new RefusedLease(limit.Window - time.GetElapsedTime(windowStart!.Value, now));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void EndWindowIfOver(long now)
    {
        if (windowStart is { } start && now - start >= windowLength)
        {
            windowStart = null;
            used = 0;
            idleSince = start + windowLength;
        }
    }

    private void Return(long window, int permits)
    {
        lock (gate)
        {
            if (windowStart != window)
            {
                return;
            }

            used -= permits;
            if (used == 0)
            {
                // Nothing kept: the next permit opens a window of its own.
                windowStart = null;
                idleSince = time.GetTimestamp();
            }
        }
    }

    private sealed class Granted(WindowRateLimiter limiter, long window, int permits) : RateLimitLease, IReturnableLease
    {
        private int givenBack;

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        public void GiveBack()
        {
            if (permits > 0 && Interlocked.Exchange(ref givenBack, 1) == 0)
            {
                limiter.Return(window, permits);
            }
        }

        public ValueTask GiveBackAsync()
        {
            GiveBack();
            return ValueTask.CompletedTask;
        }
    }
}
