using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;

/// <summary>
/// Seeds a PostgreSQL database with one binary COPY each into Posts, PostTags and Comments, in one transaction with
/// everything it changes: the three tables' secondary indexes (the trigram GIN indexes, the keyset B-trees) and foreign
/// keys are dropped first and created again from their own definitions afterwards (building an index once is much faster
/// than growing it row by row, and a foreign key added to a full table is checked by one join instead of a lookup and a
/// row lock per row; the result is the same), and the counts are set (each author's PostCount, each tag's). Row triggers
/// on Posts, if the product ever adds any, fire for COPY as for INSERT. Then VACUUM ANALYZE, so the planner has
/// statistics and autovacuum nothing left to do while the service is measured, the checks of the counts, and a
/// CHECKPOINT, so the seeding's writes are not flushed during the measurements. Values are what EF Core stores: uuid
/// ids, bigint Unix milliseconds.
/// </summary>
internal static class PostgresTarget
{
    private const string PostColumns = """
        "Id", "Title", "Body", "Tags", "AuthorId", "AuthorName", "PostedDate", "UpdatedDate", "PublishedDate", "ListedDate", "CommentCount", "Version"
        """;

    private const string CommentColumns = """
        "Id", "PostId", "Body", "AuthorId", "AuthorName", "PostedDate", "UpdatedDate", "Version"
        """;

    /// <summary>The tables COPY fills; their indexes and foreign keys are made again afterwards.</summary>
    private const string SeededTables = "'Posts', 'PostTags', 'Comments'";

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
        var postTagsBefore = Count(connection, "SELECT COUNT(*) FROM \"PostTags\"");
        var commentsBefore = Count(connection, "SELECT COUNT(*) FROM \"Comments\"");
        var tally = new SeedTally();
        long done = 0;

        using (var transaction = connection.BeginTransaction())
        {
            Execute(connection, "SET LOCAL maintenance_work_mem = '1GB'");
            var indexes = Rows(connection, $"""
                SELECT indexname, indexdef FROM pg_indexes
                WHERE schemaname = current_schema() AND tablename IN ({SeededTables})
                  AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = format('%I', tablename)::regclass)
                ORDER BY tablename, indexname
                """);
            var foreignKeys = Rows(connection, $"""
                SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
                WHERE contype = 'f' AND conrelid IN (SELECT format('%I', t)::regclass FROM unnest(ARRAY[{SeededTables}]) AS t)
                ORDER BY conrelid::regclass::text, conname
                """);
            foreach (var key in foreignKeys)
            {
                Execute(connection, $"ALTER TABLE {key[0]} DROP CONSTRAINT {Quote(key[1])}");
            }

            foreach (var index in indexes)
            {
                Execute(connection, $"DROP INDEX {Quote(index[0])}");
            }

            // One COPY at a time on a connection: the tags and comments wait in memory (at 1M posts, about 1.6M short
            // rows and 150,000 comments) until the posts are in.
            var postTags = new List<(Guid PostId, string Name)>();
            var comments = new List<(Guid PostId, SeedComment<(Guid Id, string Name)> Comment)>();
            using (var writer = connection.BeginBinaryImport($"COPY \"Posts\" ({PostColumns}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var post in SeedPlan.Posts(options, authors, rareAuthor))
                {
                    writer.StartRow();
                    writer.Write(post.Id, NpgsqlDbType.Uuid);
                    writer.Write(post.Title, NpgsqlDbType.Varchar);
                    writer.Write(post.Body, NpgsqlDbType.Varchar);
                    writer.Write(post.StoredTags, NpgsqlDbType.Text);
                    writer.Write(post.Author.Id, NpgsqlDbType.Uuid);
                    writer.Write(post.Author.Name, NpgsqlDbType.Varchar);
                    writer.Write(post.PostedMs, NpgsqlDbType.Bigint);
                    writer.Write(post.PostedMs, NpgsqlDbType.Bigint);
                    writer.Write(post.PostedMs, NpgsqlDbType.Bigint);
                    writer.Write(post.PostedMs, NpgsqlDbType.Bigint);
                    writer.Write(post.Comments.Count, NpgsqlDbType.Integer);
                    writer.Write(post.Version, NpgsqlDbType.Bigint);
                    postTags.AddRange(post.Tags.Select(name => (post.Id, name)));
                    comments.AddRange(post.Comments.Select(comment => (post.Id, comment)));
                    tally.Add(post);
                    if (++done % options.Batch == 0)
                    {
                        SeedPlan.Progress(done, stopwatch);
                    }
                }

                writer.Complete();
            }

            using (var writer = connection.BeginBinaryImport("COPY \"PostTags\" (\"PostId\", \"Name\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (postId, name) in postTags)
                {
                    writer.StartRow();
                    writer.Write(postId, NpgsqlDbType.Uuid);
                    writer.Write(name, NpgsqlDbType.Varchar);
                }

                writer.Complete();
            }

            using (var writer = connection.BeginBinaryImport($"COPY \"Comments\" ({CommentColumns}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (postId, comment) in comments)
                {
                    writer.StartRow();
                    writer.Write(comment.Id, NpgsqlDbType.Uuid);
                    writer.Write(postId, NpgsqlDbType.Uuid);
                    writer.Write(comment.Body, NpgsqlDbType.Varchar);
                    writer.Write(comment.Author.Id, NpgsqlDbType.Uuid);
                    writer.Write(comment.Author.Name, NpgsqlDbType.Varchar);
                    writer.Write(comment.PostedMs, NpgsqlDbType.Bigint);
                    writer.Write(comment.PostedMs, NpgsqlDbType.Bigint);
                    writer.Write(1L, NpgsqlDbType.Bigint);
                }

                writer.Complete();
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"seeder: copied {done:N0} posts, {postTags.Count:N0} post tags, {comments.Count:N0} comments, {stopwatch.Elapsed.TotalSeconds:F1} s"));
            foreach (var index in indexes)
            {
                Execute(connection, index[1]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeder: index {index[0]} built, {stopwatch.Elapsed.TotalSeconds:F1} s"));
            }

            foreach (var key in foreignKeys)
            {
                Execute(connection, $"ALTER TABLE {key[0]} ADD CONSTRAINT {Quote(key[1])} {key[2]}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeder: {foreignKeys.Count} foreign keys added, {stopwatch.Elapsed.TotalSeconds:F1} s"));

            // The counts, as the service keeps them on every write: each author's published posts; each tag's published
            // posts, grown by the seeded ones (PostRepository's upsert, so a tag already there keeps what it counted).
            Execute(connection, "UPDATE \"Users\" SET \"PostCount\" = (SELECT COUNT(*) FROM \"Posts\" WHERE \"Posts\".\"AuthorId\" = \"Users\".\"Id\" AND \"Posts\".\"PublishedDate\" IS NOT NULL)");
            var counts = tally.TagCounts.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToArray();
            using (var upsert = new NpgsqlCommand("""
                INSERT INTO "Tags" ("Name", "PostCount") SELECT * FROM unnest(@names, @counts)
                ON CONFLICT ("Name") DO UPDATE SET "PostCount" = "Tags"."PostCount" + excluded."PostCount"
                """, connection))
            {
                upsert.Parameters.Add(new NpgsqlParameter<string[]>("names", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { TypedValue = [.. counts.Select(pair => pair.Key)] });
                upsert.Parameters.Add(new NpgsqlParameter<int[]>("counts", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = [.. counts.Select(pair => pair.Value)] });
                upsert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        foreach (var table in new[] { "Posts", "PostTags", "Comments", "Tags" })
        {
            Execute(connection, $"VACUUM (ANALYZE) {Quote(table)}");
        }

        Execute(connection, "ANALYZE \"Users\"");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeder: vacuumed and analysed, {stopwatch.Elapsed.TotalSeconds:F1} s"));

        SeedChecks.Run(sql => Count(connection, sql), tally, postTagsBefore, commentsBefore);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeder: counts checked, {stopwatch.Elapsed.TotalSeconds:F1} s"));
        try
        {
            Execute(connection, "CHECKPOINT");
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            Console.WriteLine("seeder: no CHECKPOINT (this user may not); the server flushes the seeding's writes in its own time");
        }

        return tally.Result(existing, Count(connection, "SELECT COUNT(*) FROM \"Posts\""));
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

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

    private static List<string[]> Rows(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return rows;
    }
}
