using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

/// <summary>
/// Seeds a SQLite file through plain prepared INSERTs into Posts, in big transactions, so that any trigger the product
/// keeps on Posts (the full-text index) fires as it would for the service's own inserts. Values are stored exactly as
/// EF Core stores them: Guids as upper-case canonical TEXT, dates as INTEGER Unix milliseconds.
/// </summary>
internal static class SqliteTarget
{
    public static SeedResult Seed(string path, Options options, Stopwatch stopwatch)
    {
        SQLitePCL.Batteries_V2.Init();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        connection.Open();

        // Seeding is not what is measured: no fsync per batch, a big page cache. The file stays in WAL mode.
        Execute(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");

        var triggers = Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Posts' ORDER BY name");
        Console.WriteLine(triggers.Count == 0
            ? "seeder: no triggers on Posts"
            : $"seeder: triggers on Posts (they fire for every row): {string.Join(", ", triggers)}");

        var authors = options.Authors.Select(name => FindUser(connection, name)).ToArray();
        var rareAuthor = FindUser(connection, options.RareAuthor);
        var existing = Count(connection, "SELECT COUNT(*) FROM Posts");

        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO Posts (Id, Title, Body, AuthorId, AuthorName, PostedDate, UpdatedDate, Version)
            VALUES ($id, $title, $body, $authorId, $authorName, $posted, $posted, 1)
            """;
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var title = insert.Parameters.Add("$title", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        var authorId = insert.Parameters.Add("$authorId", SqliteType.Text);
        var authorName = insert.Parameters.Add("$authorName", SqliteType.Text);
        var posted = insert.Parameters.Add("$posted", SqliteType.Integer);

        long rare = 0, common = 0, done = 0;
        var transaction = connection.BeginTransaction();
        insert.Transaction = transaction;
        insert.Prepare();
        foreach (var post in SeedPlan.Posts(options, authors, rareAuthor))
        {
            id.Value = post.Id.ToString("D").ToUpperInvariant();
            title.Value = post.Title;
            body.Value = post.Body;
            authorId.Value = post.Author.Id;
            authorName.Value = post.Author.Name;
            posted.Value = post.PostedMs;
            insert.ExecuteNonQuery();
            rare += post.IsRare ? 1 : 0;
            common += post.IsCommon ? 1 : 0;

            if (++done % options.Batch == 0)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                SeedPlan.Progress(done, stopwatch);
            }
        }

        transaction.Commit();
        transaction.Dispose();

        // Each author's PostCount must equal their posts, as the service keeps it on every insert and delete.
        Execute(connection, "UPDATE Users SET PostCount = (SELECT COUNT(*) FROM Posts WHERE Posts.AuthorId = Users.Id)");
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");

        var total = Count(connection, "SELECT COUNT(*) FROM Posts");
        var counted = Count(connection, "SELECT SUM(PostCount) FROM Users");
        if (counted != total)
        {
            throw new InvalidOperationException($"Users.PostCount sums to {counted}, but Posts has {total} rows.");
        }

        return new SeedResult(existing, rare, common, total);
    }

    private static (string Id, string Name) FindUser(SqliteConnection connection, string username)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Username FROM Users WHERE NormalizedUsername = $name";
        command.Parameters.AddWithValue("$name", username.ToUpperInvariant());
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? (reader.GetString(0), reader.GetString(1))
            : throw new InvalidOperationException($"User '{username}' is not registered; register it through POST /users first.");
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Count(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
