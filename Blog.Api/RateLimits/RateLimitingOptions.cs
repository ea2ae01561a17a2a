namespace Blog.Api.RateLimits;

/// <summary>The <c>RateLimiting</c> section of the configuration.</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Off only for benchmarks (<c>RateLimiting__Enabled=false</c>): turns every limit below off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Reads (GET, HEAD, OPTIONS) per user, or per client address before signing in.</summary>
    public BucketLimit Reads { get; set; } = new() { PermitsPerSecond = 20, Burst = 200 };

    /// <summary>Searches (<c>GET /posts?q=</c>) running at once, for everyone together.</summary>
    public SearchLimit Searches { get; set; } = new();

    /// <summary>Writes (POST, PUT, PATCH, DELETE) per user, or per client address before signing in.</summary>
    public WindowLimit Writes { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>Failed sign-ins per client address; past it, every sign-in from that address waits.</summary>
    public WindowLimit FailedSignIns { get; set; } = new() { PermitLimit = 10, WindowSeconds = 300 };

    /// <summary>Stops the start-up on a limit that could never let anything through, rather than failing every request.</summary>
    public void Validate()
    {
        int[] atLeastOne =
        [
            Reads.PermitsPerSecond, Reads.Burst, Searches.ConcurrencyLimit, Writes.PermitLimit, Writes.WindowSeconds,
            FailedSignIns.PermitLimit, FailedSignIns.WindowSeconds,
        ];
        if (Enabled && (atLeastOne.Any(value => value < 1) || Searches.QueueLimit < 0 || Searches.QueueTimeoutMilliseconds < 0))
        {
            throw new InvalidOperationException(
                $"Every limit in the {Section} section must be at least 1 (Searches:QueueLimit and Searches:QueueTimeoutMilliseconds at least 0).");
        }
    }
}

/// <summary>At most <see cref="PermitLimit"/> in a window of <see cref="WindowSeconds"/>, which opens with the first one.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}

/// <summary>A token bucket: <see cref="Burst"/> at once, then <see cref="PermitsPerSecond"/>.</summary>
public sealed class BucketLimit
{
    public int PermitsPerSecond { get; set; }

    public int Burst { get; set; }
}

public sealed class SearchLimit
{
    /// <summary>Searches running at once: by default half the processors (at least one), so that searches alone never take every core.</summary>
    public int ConcurrencyLimit { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Searches that may wait for one of those places; any more are refused at once.</summary>
    public int QueueLimit { get; set; } = 8;

    /// <summary>How long a search may wait for a place before it is refused.</summary>
    public int QueueTimeoutMilliseconds { get; set; } = 1000;

    public TimeSpan QueueTimeout => TimeSpan.FromMilliseconds(QueueTimeoutMilliseconds);
}
