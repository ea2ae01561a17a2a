namespace Blog.Tests.ScaleOut;

/// <summary>The one database every instance of a <see cref="BlogFleet"/> shares.</summary>
public enum FleetDatabase
{
    /// <summary>One SQLite file, opened by every instance (one machine only).</summary>
    Sqlite,

    /// <summary>One PostgreSQL database on the test server (<see cref="TestServers.PostgresConnectionString"/>).</summary>
    Postgres,
}
