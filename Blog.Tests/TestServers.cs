using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Blog.Tests;

/// <summary>
/// The servers the tests run against besides SQLite. PostgreSQL and Redis are started by
/// <c>tools/test-servers/servers.sh</c> (which <c>.ci/run</c> runs) and found through its environment; nginx is a
/// program the tests start themselves. When one is missing its tests fail under <c>CI=true</c> (CI installs and starts
/// them all) and are ignored, with the command that provides it, on a developer's machine.
/// </summary>
public static class TestServers
{
    private const string StartCommand = "eval \"$(bash tools/test-servers/servers.sh start)\"";

    /// <summary>A connection string for a database that may create other databases (the fixtures make one each).</summary>
    public static string PostgresConnectionString => Required("BLOG_TEST_POSTGRES", $"No PostgreSQL server: {StartCommand}, then run the tests again.");

    /// <summary>The cluster's data directory, for tests that restart PostgreSQL itself.</summary>
    public static string PostgresDataDirectory => Required("BLOG_TEST_POSTGRES_DATA", $"No PostgreSQL data directory: {StartCommand}.");

    /// <summary>A StackExchange.Redis configuration string (host:port) for a server the tests may flush.</summary>
    public static string RedisConfiguration => Required("BLOG_TEST_REDIS", $"No Redis server: {StartCommand}, then run the tests again.");

    /// <summary>Debian's nginx binary (<c>apt-get install -y nginx</c>).</summary>
    public static string NginxPath =>
        new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
        ?? Missing("No nginx at /usr/sbin/nginx (apt-get install -y nginx).");

    public static bool RunningInCi => Environment.GetEnvironmentVariable("CI") == "true";

    private static string Required(string variable, string whenMissing) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : Missing(whenMissing);

    [DoesNotReturn]
    private static string Missing(string message)
    {
        if (RunningInCi)
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
        throw new UnreachableException();
    }
}
