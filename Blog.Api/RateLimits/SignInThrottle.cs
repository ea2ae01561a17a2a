using System.Threading.RateLimiting;

namespace Blog.Api.RateLimits;

/// <summary>
/// Slows down password guessing: each failed sign-in spends one permit of the client address's window, and while
/// an address has none left, every sign-in from it is refused with 429 before any password is checked. With Redis,
/// the window is shared by every instance (<see cref="ClientBudgets"/>).
/// </summary>
/// <remarks>
/// Checking the budget and spending it are one step: a failure is reserved before the password is checked and given
/// back if the password is right, so guesses sent at the same moment can never get more answers than the budget
/// (200 at once: exactly the limit of 401s, on one instance or spread over several). The price is that sign-ins from
/// one address in flight at the same moment beyond what is left of its budget are refused even when right; with
/// verifications remembered (CachingPasswordHasher), a right sign-in is in flight for well under a millisecond.
/// </remarks>
public sealed class SignInThrottle(RateLimitingOptions options, ClientBudgets budgets) : IDisposable
{
    private readonly PartitionedRateLimiter<string> failures = PartitionedRateLimiter.Create<string, string>(
        address => RateLimitPartition.Get("failed sign-ins by address " + address, budget => budgets.Window(budget, options.FailedSignIns)));

    /// <summary>Reserves one failed sign-in for the address, or says how long it must wait.</summary>
    public async ValueTask<SignInAttempt> BeginAsync(string address) => new(options.Enabled ? await failures.AcquireAsync(address) : null);

    public void Dispose() => failures.Dispose();
}

/// <summary>A sign-in under way: counted as a failure only if <see cref="Failed"/> is called before it is disposed.</summary>
public sealed class SignInAttempt(RateLimitLease? reserved) : IAsyncDisposable
{
    private bool failed;

    /// <summary>False when the address has no failed sign-ins left; then no password may be checked.</summary>
    public bool IsAllowed => reserved?.IsAcquired ?? true;

    public TimeSpan RetryAfter => reserved is not null && reserved.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.Zero;

    /// <summary>The credentials were wrong: the reserved failure stays spent.</summary>
    public void Failed() => failed = true;

    public async ValueTask DisposeAsync()
    {
        if (reserved is null)
        {
            return;
        }

        if (!failed)
        {
            await ReturnableLease.GiveBackAsync(reserved);
        }

        reserved.Dispose();
    }
}
