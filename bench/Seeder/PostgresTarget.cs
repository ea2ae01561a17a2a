using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;

/// <summary>
/// Seeds a PostgreSQL database with one binary COPY into Posts, in one transaction with everything it changes: Posts'
/// secondary indexes (the trigram GIN indexes, the keyset B-trees) are dropped first and created again from their own
/// definitions afterwards (building an index once is much faster than growing it row by row; the result is the same
/// index), and each author's PostCount is set. Row triggers on Posts, if the product ever adds any, fire for COPY as
/// for INSERT. Then VACUUM ANALYZE, so the planner has statistics and autovacuum nothing left to do while the service is
/// measured, and a CHECKPOINT, so the seeding's writes are not flushed during the measurements. Values are what EF Core
/// stores: uuid ids, bigint Unix milliseconds, Version 1.
/// </summary>
internal static class PostgresTarget
{
    private const string Columns = "\"Id\", \"Title\", \"Body\", \"AuthorId\", \"AuthorName\", \"PostedDate\", \"UpdatedDate\", \"Version\"";

    public static SeedResult Seed(string connectionString, Options options, Stopwatch stopwatch)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0, Pooling = false };
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();

        var triggers = Strings(connection, "SELECT tgname FROM pg_trigger WHERE tgrelid = '\"Posts\"'::regclass AND NOT tgisinternal ORDER BY tgname");
        Console.WriteLine(triggers.Count == 0
            ? "seeder: no triggers on Posts"
            : $"seeder: triggers on Posts (they fire for every row): {string.Join(", ", triggers)}");

        var authors = options.Authors.Select(name => FindUser(connection, name)).ToArray();
        var rareAuthor = FindUser(connection, options.RareAuthor);
        var existing = Count(connection, "SELECT COUNT(*) FROM \"Posts\"");
        long rare = 0, common = 0, done = 0;

        using (var transaction = connection.BeginTransaction())
        {
            Execute(connection, "SET LOCAL maintenance_work_mem = '1GB'");
            var indexes = Pairs(connection, """
                SELECT indexname, indexdef FROM pg_indexes
                WHERE schemaname = current_schema() AND tablename = 'Posts'
                  AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = '"Posts"'::regclass)
                ORDER BY indexname
                """);
            foreach (var (name, _) in indexes)
            {
                Execute(connection, $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
            }

            using (var writer = connection.BeginBinaryImport($"COPY \"Posts\" ({Columns}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var post in SeedPlan.Posts(options, authors, rareAuthor))
                {
                    writer.StartRow();
                    writer.Write(post.Id, NpgsqlDbType.Uuid);
                    writer.Write(post.Title, NpgsqlDbType.Varchar);
                    writer.Write(post.Body, NpgsqlDbType.Varchar);
                    writer.Write(post.Author.Id, NpgsqlDbType.Uuid);
                    writer.Write(post.Author.Name, NpgsqlDbType.Varchar);
                    writer.Write(post.PostedMs, NpgsqlDbType.Bigint);
                    writer.Write(post.PostedMs, NpgsqlDbType.Bigint);
                    writer.Write(1L, NpgsqlDbType.Bigint);
                    rare += post.IsRare ? 1 : 0;
                    common += post.IsCommon ? 1 : 0;
                    if (++done % options.Batch == 0)
                    {
                        SeedPlan.Progress(done, stopwatch);
                    }
                }

                writer.Complete();
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeder: copied, {stopwatch.Elapsed.TotalSeconds:F1} s"));
            foreach (var (name, definition) in indexes)
            {
                Execute(connection, definition);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeder: index {name} built, {stopwatch.Elapsed.TotalSeconds:F1} s"));
            }

            // Each author's PostCount must equal their posts, as the service keeps it on every insert and delete.
            Execute(connection, "UPDATE \"Users\" SET \"PostCount\" = (SELECT COUNT(*) FROM \"Posts\" WHERE \"Posts\".\"AuthorId\" = \"Users\".\"Id\")");
            transaction.Commit();
        }

        Execute(connection, "VACUUM (ANALYZE) \"Posts\"");
        Execute(connection, "ANALYZE \"Users\"");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeder: vacuumed and analysed, {stopwatch.Elapsed.TotalSeconds:F1} s"));
        try
        {
            Execute(connection, "CHECKPOINT");
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            Console.WriteLine("seeder: no CHECKPOINT (this user may not); the server flushes the seeding's writes in its own time");
        }

        var total = Count(connection, "SELECT COUNT(*) FROM \"Posts\"");
        var counted = Count(connection, "SELECT SUM(\"PostCount\") FROM \"Users\"");
        if (counted != total)
        {
            throw new InvalidOperationException($"Users.PostCount sums to {counted}, but Posts has {total} rows.");
        }

        return new SeedResult(existing, rare, common, total);
    }

    private static (Guid Id, string Name) FindUser(NpgsqlConnection connection, string username)
    {
        using var command = new NpgsqlCommand("SELECT \"Id\", \"Username\" FROM \"Users\" WHERE \"NormalizedUsername\" = @name", connection);
        command.Parameters.AddWithValue("name", username.ToUpperInvariant());
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? (reader.GetGuid(0), reader.GetString(1))
            : throw new InvalidOperationException($"User '{username}' is not registered; register it through POST /users first.");
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static long Count(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<string> Strings(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static List<(string First, string Second)> Pairs(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var values = new List<(string, string)>();
        while (reader.Read())
        {
            values.Add((reader.GetString(0), reader.GetString(1)));
        }

        return values;
    }
}
