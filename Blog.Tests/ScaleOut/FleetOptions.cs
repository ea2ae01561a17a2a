namespace Blog.Tests.ScaleOut;

public sealed record FleetOptions
{
    public FleetDatabase Database { get; init; } = FleetDatabase.Sqlite;

    /// <summary>Rate limits shared through the test Redis server (<see cref="TestServers.RedisConfiguration"/>), under a key prefix of the fleet's own.</summary>
    public bool Redis { get; init; }

    public int Instances { get; init; } = 2;

    /// <summary>Environment variables for every instance (<c>RateLimiting__Enabled</c>, …), over the fleet's own.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
