using System.Threading.RateLimiting;

namespace Blog.Api.RateLimits;

/// <summary>
/// Slows down password guessing: each failed sign-in spends one permit of the client address's window, and while
/// an address has none left, every sign-in from it is refused with 429 before any password is checked.
/// </summary>
public sealed class SignInThrottle(RateLimitingOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> failures = PartitionedRateLimiter.Create<string, string>(
        address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.FailedSignIns.PermitLimit,
            Window = options.FailedSignIns.Window,
            QueueLimit = 0,
        }));

    /// <summary>Null when the address may try to sign in; otherwise how long it must wait.</summary>
    public TimeSpan? MustWait(string address)
    {
        if (!options.Enabled)
        {
            return null;
        }

        // Asking for zero permits spends nothing: it only tells whether any are left.
        using var lease = failures.AttemptAcquire(address, 0);
        return lease.IsAcquired ? null : RetryAfter(lease);
    }

    public void RecordFailure(string address)
    {
        if (options.Enabled)
        {
            failures.AttemptAcquire(address).Dispose();
        }
    }

    public void Dispose() => failures.Dispose();

    private TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : options.FailedSignIns.Window;
}
