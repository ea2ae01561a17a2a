using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

/// <summary>
/// Seeds a SQLite file through plain prepared INSERTs into Posts, PostTags and Comments, in big transactions, so that any
/// trigger the product keeps on Posts (the full-text index) fires as it would for the service's own inserts; then the
/// counts (Tags, Users.PostCount). Values are stored exactly as EF Core stores them: Guids as upper-case canonical TEXT,
/// dates as INTEGER Unix milliseconds.
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
        var postTagsBefore = Count(connection, "SELECT COUNT(*) FROM PostTags");
        var commentsBefore = Count(connection, "SELECT COUNT(*) FROM Comments");

        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO Posts (Id, Title, Body, Tags, AuthorId, AuthorName, PostedDate, UpdatedDate, PublishedDate, ListedDate, CommentCount, Version)
            VALUES ($id, $title, $body, $tags, $authorId, $authorName, $posted, $posted, $posted, $posted, $comments, $version)
            """;
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var title = insert.Parameters.Add("$title", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        var tags = insert.Parameters.Add("$tags", SqliteType.Text);
        var authorId = insert.Parameters.Add("$authorId", SqliteType.Text);
        var authorName = insert.Parameters.Add("$authorName", SqliteType.Text);
        var posted = insert.Parameters.Add("$posted", SqliteType.Integer);
        var comments = insert.Parameters.Add("$comments", SqliteType.Integer);
        var version = insert.Parameters.Add("$version", SqliteType.Integer);

        using var insertTag = connection.CreateCommand();
        insertTag.CommandText = "INSERT INTO PostTags (PostId, Name) VALUES ($postId, $name)";
        var tagPostId = insertTag.Parameters.Add("$postId", SqliteType.Text);
        var tagName = insertTag.Parameters.Add("$name", SqliteType.Text);

        using var insertComment = connection.CreateCommand();
        insertComment.CommandText = """
            INSERT INTO Comments (Id, PostId, Body, AuthorId, AuthorName, PostedDate, UpdatedDate, Version)
            VALUES ($id, $postId, $body, $authorId, $authorName, $posted, $posted, 1)
            """;
        var commentId = insertComment.Parameters.Add("$id", SqliteType.Text);
        var commentPostId = insertComment.Parameters.Add("$postId", SqliteType.Text);
        var commentBody = insertComment.Parameters.Add("$body", SqliteType.Text);
        var commentAuthorId = insertComment.Parameters.Add("$authorId", SqliteType.Text);
        var commentAuthorName = insertComment.Parameters.Add("$authorName", SqliteType.Text);
        var commentPosted = insertComment.Parameters.Add("$posted", SqliteType.Integer);

        var tally = new SeedTally();
        long done = 0;
        var transaction = connection.BeginTransaction();
        SqliteCommand[] commands = [insert, insertTag, insertComment];
        foreach (var command in commands)
        {
            command.Transaction = transaction;
            command.Prepare();
        }

        foreach (var post in SeedPlan.Posts(options, authors, rareAuthor))
        {
            var postId = Text(post.Id);
            id.Value = postId;
            title.Value = post.Title;
            body.Value = post.Body;
            tags.Value = post.StoredTags;
            authorId.Value = post.Author.Id;
            authorName.Value = post.Author.Name;
            posted.Value = post.PostedMs;
            comments.Value = post.Comments.Count;
            version.Value = post.Version;
            insert.ExecuteNonQuery();

            tagPostId.Value = postId;
            foreach (var name in post.Tags)
            {
                tagName.Value = name;
                insertTag.ExecuteNonQuery();
            }

            commentPostId.Value = postId;
            foreach (var comment in post.Comments)
            {
                commentId.Value = Text(comment.Id);
                commentBody.Value = comment.Body;
                commentAuthorId.Value = comment.Author.Id;
                commentAuthorName.Value = comment.Author.Name;
                commentPosted.Value = comment.PostedMs;
                insertComment.ExecuteNonQuery();
            }

            tally.Add(post);
            if (++done % options.Batch == 0)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = connection.BeginTransaction();
                foreach (var command in commands)
                {
                    command.Transaction = transaction;
                }

                SeedPlan.Progress(done, stopwatch);
            }
        }

        // The counts, as the service keeps them on every write: each author's published posts; each tag's published
        // posts, grown by the seeded ones (PostRepository's upsert, so a tag already there keeps what it counted).
        using (var upsert = connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO Tags (Name, PostCount) VALUES ($name, $count)
                ON CONFLICT (Name) DO UPDATE SET PostCount = Tags.PostCount + excluded.PostCount
                """;
            var name = upsert.Parameters.Add("$name", SqliteType.Text);
            var count = upsert.Parameters.Add("$count", SqliteType.Integer);
            foreach (var (tag, posts) in tally.TagCounts.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                name.Value = tag;
                count.Value = posts;
                upsert.ExecuteNonQuery();
            }
        }

        transaction.Commit();
        transaction.Dispose();

        Execute(connection, "UPDATE Users SET PostCount = (SELECT COUNT(*) FROM Posts WHERE Posts.AuthorId = Users.Id AND Posts.PublishedDate IS NOT NULL)");
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeder: written, {stopwatch.Elapsed.TotalSeconds:F1} s"));

        SeedChecks.Run(sql => Count(connection, sql), tally, postTagsBefore, commentsBefore);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeder: counts checked, {stopwatch.Elapsed.TotalSeconds:F1} s"));
        return tally.Result(existing, Count(connection, "SELECT COUNT(*) FROM Posts"));
    }

    // Stored as EF Core stores them: upper-case canonical Guids.
    private static string Text(Guid id) => id.ToString("D").ToUpperInvariant();

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
