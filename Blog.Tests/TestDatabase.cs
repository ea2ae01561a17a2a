using Blog.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Blog.Tests;

/// <summary>
/// A database of a test's own, removed when disposed: a temporary SQLite file, or a PostgreSQL database created on the
/// test server (<see cref="TestServers.PostgresConnectionString"/>).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? sqlitePath;
    private readonly string? postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqlitePath, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqlitePath = sqlitePath;
        this.postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The file, for tests that only make sense on SQLite.</summary>
    public string SqlitePath => sqlitePath ?? throw new InvalidOperationException($"This test database is on {Provider}, not SQLite.");

    /// <summary>The service's settings that select this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Blog"] = ConnectionString,
    };

    public static TestDatabase Create(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), $"blog-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(provider, $"Data Source={path}", path, null);
        }

        var server = new NpgsqlConnectionStringBuilder(TestServers.PostgresConnectionString);
        var name = $"blog_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();
        }

        server.Database = name;
        return new TestDatabase(provider, server.ConnectionString, null, name);
    }

    /// <summary>Runs a statement on the database behind the service's back (to break it, say).</summary>
    public async Task ExecuteAsync(string sql)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            await using var sqlite = new SqliteConnection(ConnectionString);
            await sqlite.OpenAsync();
            await using var command = sqlite.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
            return;
        }

        await using var postgres = new NpgsqlConnection(ConnectionString);
        await postgres.OpenAsync();
        await using var statement = new NpgsqlCommand(sql, postgres);
        await statement.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(SqlitePath + suffix);
            }

            return;
        }

        using (var owned = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(owned);
        }

        using var connection = new NpgsqlConnection(TestServers.PostgresConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}
