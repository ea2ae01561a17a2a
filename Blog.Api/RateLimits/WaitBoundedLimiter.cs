using System.Threading.RateLimiting;

namespace Blog.Api.RateLimits;

/// <summary>
/// Another limiter whose queue a request leaves, refused, after <paramref name="maxWait"/>: the framework's queues
/// bound how many wait, not for how long.
/// </summary>
public sealed class WaitBoundedLimiter(RateLimiter inner, TimeSpan maxWait, TimeSpan retryAfter) : RateLimiter
{
    public override TimeSpan? IdleDuration => inner.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => inner.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => inner.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(maxWait);
        try
        {
            return await inner.AcquireAsync(permitCount, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new RefusedLease(retryAfter);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
