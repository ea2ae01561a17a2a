using Blog.Infrastructure.Data;

namespace Blog.Tests.ScaleOut;

public sealed record FleetOptions
{
    /// <summary>The one database every instance shares: a SQLite file (one machine only), or a PostgreSQL database on the test server.</summary>
    public DatabaseProvider Database { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>Rate limits shared through the test Redis server (<see cref="TestServers.RedisConfiguration"/>), under a key prefix of the fleet's own.</summary>
    public bool Redis { get; init; }

    public int Instances { get; init; } = 2;

    /// <summary>Environment variables for every instance (<c>RateLimiting__Enabled</c>, …), over the fleet's own.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
