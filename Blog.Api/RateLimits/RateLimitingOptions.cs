namespace Blog.Api.RateLimits;

/// <summary>The <c>RateLimiting</c> section of the configuration.</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Off only for benchmarks (<c>RateLimiting__Enabled=false</c>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Writes (POST, PUT, PATCH, DELETE) per user, or per client address before signing in.</summary>
    public WindowLimit Writes { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>Failed sign-ins per client address; past it, every sign-in from that address waits.</summary>
    public WindowLimit FailedSignIns { get; set; } = new() { PermitLimit = 10, WindowSeconds = 300 };
}

public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}
