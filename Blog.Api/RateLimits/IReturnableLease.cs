using System.Threading.RateLimiting;

namespace Blog.Api.RateLimits;

/// <summary>
/// A lease whose permits can be given back while its window is still open: a failed sign-in that was reserved before
/// the password was checked, and was not one (SignInThrottle).
/// </summary>
public interface IReturnableLease
{
    /// <summary>Returns the permits once; a lease whose window has closed since gives nothing back (that window is gone).</summary>
    ValueTask GiveBackAsync();
}

public static class ReturnableLease
{
    /// <summary>Gives back the permits of a lease that can return them; any other lease is left alone.</summary>
    public static ValueTask GiveBackAsync(RateLimitLease lease) => lease is IReturnableLease returnable ? returnable.GiveBackAsync() : ValueTask.CompletedTask;
}
