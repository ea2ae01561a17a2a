namespace Blog.Api.Auth;

/// <summary>The authentication failure of a client address that has failed to sign in too often.</summary>
public sealed class TooManySignInsException(TimeSpan retryAfter)
    : Exception("Too many failed sign-ins from this address; wait for the time in Retry-After.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
