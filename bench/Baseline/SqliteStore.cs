using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Baseline;

/// <summary>
/// Raw Microsoft.Data.Sqlite on the service's file (WAL, which the service set). Reads take a <see cref="Reader"/>
/// from a pool: a connection opened once with its statements prepared once, parameters reused. Writes take turns for
/// SQLite's one writer at an async gate in front of one connection of their own (synchronous=FULL, prepared
/// statements), so that no write ever waits in SQLite's sleeping busy handler.
/// </summary>
internal sealed class SqliteStore : IStore
{
    private const string Columns = "Id, Title, Body, Tags, AuthorName, PostedDate, UpdatedDate, PublishedDate, CommentCount";

    /// <summary>From this many matches on, walking the newest-first index beats fetching and sorting every match.</summary>
    private const int ManyMatches = 2_000;

    private readonly string connectionString;
    private readonly ConcurrentBag<Reader> readers = [];
    private readonly Writer writer;

    public SqliteStore(string connectionString)
    {
        SQLitePCL.Batteries_V2.Init();
        this.connectionString = connectionString;
        writer = new Writer(connectionString);
    }

    public ValueTask PingAsync()
    {
        var reader = Rent();
        try
        {
            reader.Ping.ExecuteScalar();
        }
        finally
        {
            readers.Add(reader);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<Author> FindAuthorAsync(string username)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Username FROM Users WHERE NormalizedUsername = $name";
        command.Parameters.AddWithValue("$name", username.ToUpperInvariant());
        using var row = command.ExecuteReader();
        return ValueTask.FromResult(row.Read()
            ? new Author(row.GetGuid(0), row.GetString(1))
            : throw new InvalidOperationException($"No user '{username}' in the database."));
    }

    public ValueTask<Post?> FindPostAsync(Guid id)
    {
        var reader = Rent();
        try
        {
            var command = reader.FindPost;
            command.Parameters[0].Value = Text(id);
            command.Parameters[1].Value = Now();
            using var row = command.ExecuteReader();
            return ValueTask.FromResult(row.Read() ? ReadPost(row) : null);
        }
        finally
        {
            readers.Add(reader);
        }
    }

    public ValueTask<PostPage> FirstPageAsync(long now)
    {
        var reader = Rent();
        try
        {
            reader.FirstPage.Parameters[0].Value = now;
            var items = ReadPosts(reader.FirstPage);
            reader.CountPublic.Parameters[0].Value = now;
            return ValueTask.FromResult(new PostPage((long)reader.CountPublic.ExecuteScalar()!, items));
        }
        finally
        {
            readers.Add(reader);
        }
    }

    /// <remarks>
    /// The count first: it is needed anyway, and it tells which plan finds the page sooner. The FTS5 index counts
    /// every post, public or not; the matches among drafts and posts still waiting for their date are subtracted,
    /// looked for only when there are any (the PublishedDate index answers that at once).
    /// </remarks>
    public ValueTask<PostPage> SearchFirstPageAsync(string text, long now)
    {
        var phrase = Phrase(text);
        var reader = Rent();
        try
        {
            reader.SearchCount.Parameters[0].Value = phrase;
            reader.SearchCount.Parameters[1].Value = now;
            var count = (long)reader.SearchCount.ExecuteScalar()!;
            var page = count < ManyMatches ? reader.SearchFew : reader.SearchMany;
            page.Parameters[0].Value = phrase;
            page.Parameters[1].Value = now;
            return ValueTask.FromResult(new PostPage(count, ReadPosts(page)));
        }
        finally
        {
            readers.Add(reader);
        }
    }

    public ValueTask CreatePostAsync(Guid id, string title, string body, Author author, long ms) =>
        writer.CreatePostAsync(Text(id), title, body, Text(author.Id), author.Name, ms);

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>A quoted FTS5 string is one phrase, which the trigram tokenizer matches as a plain substring.</summary>
    private static string Phrase(string text) => $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>Stored as EF Core stores them: upper-case canonical Guids.</summary>
    private static string Text(Guid id) => string.Create(36, id, static (span, value) =>
    {
        value.TryFormat(span, out _, "D");
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = char.ToUpperInvariant(span[i]);
        }
    });

    private static Post ReadPost(SqliteDataReader row) => new(
        row.GetGuid(0), row.GetString(1), row.GetString(2), StoredTags.Parse(row.GetString(3)), Post.Published,
        Dates.FromMilliseconds(row.GetInt64(7)), row.GetString(4), Dates.FromMilliseconds(row.GetInt64(5)),
        Dates.FromMilliseconds(row.GetInt64(6)), row.GetInt32(8));

    private static List<Post> ReadPosts(SqliteCommand command)
    {
        var posts = new List<Post>(IStore.PageSize);
        using var row = command.ExecuteReader();
        while (row.Read())
        {
            posts.Add(ReadPost(row));
        }

        return posts;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params (string Name, SqliteType Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, type) in parameters)
        {
            command.Parameters.Add(name, type);
        }

        command.Prepare();
        return command;
    }

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>A reader from the pool, or a new one when every one is in use (the pool grows to the concurrency seen).</summary>
    private Reader Rent() => readers.TryTake(out var reader) ? reader : new Reader(Open(connectionString));

    /// <summary>One connection, open for the app's life, and its statements, prepared once.</summary>
    private sealed class Reader(SqliteConnection connection)
    {
        public SqliteCommand Ping { get; } = Prepare(connection, "SELECT 1");

        public SqliteCommand FindPost { get; } = Prepare(
            connection, $"SELECT {Columns} FROM Posts WHERE Id = $id AND PublishedDate <= $now", ("$id", SqliteType.Text), ("$now", SqliteType.Integer));

        public SqliteCommand FirstPage { get; } = Prepare(
            connection,
            $"SELECT {Columns} FROM Posts WHERE PublishedDate <= $now ORDER BY PublishedDate DESC, Id DESC LIMIT {IStore.PageSize}",
            ("$now", SqliteType.Integer));

        /// <summary>The count the service keeps: each author's published posts, less those whose date has not come.</summary>
        public SqliteCommand CountPublic { get; } = Prepare(
            connection,
            "SELECT (SELECT coalesce(sum(PostCount), 0) FROM Users) - (SELECT count(*) FROM Posts WHERE PublishedDate > $now)",
            ("$now", SqliteType.Integer));

        public SqliteCommand SearchCount { get; } = Prepare(
            connection,
            """
            SELECT (SELECT count(*) FROM PostsSearch WHERE PostsSearch MATCH $phrase)
                 - CASE WHEN EXISTS (SELECT 1 FROM Posts WHERE PublishedDate > $now) OR EXISTS (SELECT 1 FROM Posts WHERE PublishedDate IS NULL)
                   THEN (SELECT count(*) FROM Posts
                         WHERE (PublishedDate IS NULL OR PublishedDate > $now)
                           AND rowid IN (SELECT rowid FROM PostsSearch WHERE PostsSearch MATCH $phrase))
                   ELSE 0 END
            """,
            ("$phrase", SqliteType.Text), ("$now", SqliteType.Integer));

        /// <summary>Few matches: fetch each by rowid and sort them.</summary>
        public SqliteCommand SearchFew { get; } = Prepare(
            connection,
            $"""
            SELECT {Columns} FROM Posts
            WHERE rowid IN (SELECT rowid FROM PostsSearch WHERE PostsSearch MATCH $phrase) AND PublishedDate <= $now
            ORDER BY PublishedDate DESC, Id DESC LIMIT {IStore.PageSize}
            """,
            ("$phrase", SqliteType.Text), ("$now", SqliteType.Integer));

        /// <summary>Many matches: walk the newest-first index, keeping the matches; the unary + keeps SQLite from driving by rowid.</summary>
        public SqliteCommand SearchMany { get; } = Prepare(
            connection,
            $"""
            SELECT {Columns} FROM Posts
            WHERE +rowid IN (SELECT rowid FROM PostsSearch WHERE PostsSearch MATCH $phrase) AND PublishedDate <= $now
            ORDER BY PublishedDate DESC, Id DESC LIMIT {IStore.PageSize}
            """,
            ("$phrase", SqliteType.Text), ("$now", SqliteType.Integer));
    }

    /// <summary>
    /// SQLite's one writer, in the app: creates queue at the gate, then run BEGIN IMMEDIATE, the INSERT (the FTS
    /// trigger fires), the author's count and COMMIT, which fsyncs the WAL (synchronous=FULL) before the create is
    /// acknowledged.
    /// </summary>
    private sealed class Writer
    {
        private readonly SemaphoreSlim gate = new(1, 1);
        private readonly SqliteConnection connection;
        private readonly SqliteCommand begin;
        private readonly SqliteCommand insert;
        private readonly SqliteCommand countUp;
        private readonly SqliteCommand commit;
        private readonly SqliteCommand rollback;

        public Writer(string connectionString)
        {
            connection = Open(connectionString);
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA synchronous = FULL";
                pragma.ExecuteNonQuery();
            }

            begin = Prepare(connection, "BEGIN IMMEDIATE");
            insert = Prepare(
                connection,
                """
                INSERT INTO Posts (Id, Title, Body, Tags, AuthorId, AuthorName, PostedDate, UpdatedDate, PublishedDate, ListedDate, CommentCount, Version)
                VALUES ($id, $title, $body, '', $authorId, $authorName, $posted, $posted, $posted, $posted, 0, 1)
                """,
                ("$id", SqliteType.Text), ("$title", SqliteType.Text), ("$body", SqliteType.Text), ("$authorId", SqliteType.Text),
                ("$authorName", SqliteType.Text), ("$posted", SqliteType.Integer));
            countUp = Prepare(connection, "UPDATE Users SET PostCount = PostCount + 1 WHERE Id = $authorId", ("$authorId", SqliteType.Text));
            commit = Prepare(connection, "COMMIT");
            rollback = Prepare(connection, "ROLLBACK");
        }

        public async ValueTask CreatePostAsync(string id, string title, string body, string authorId, string authorName, long ms)
        {
            await gate.WaitAsync();
            try
            {
                begin.ExecuteNonQuery();
                try
                {
                    var parameters = insert.Parameters;
                    parameters[0].Value = id;
                    parameters[1].Value = title;
                    parameters[2].Value = body;
                    parameters[3].Value = authorId;
                    parameters[4].Value = authorName;
                    parameters[5].Value = ms;
                    insert.ExecuteNonQuery();
                    countUp.Parameters[0].Value = authorId;
                    countUp.ExecuteNonQuery();
                    commit.ExecuteNonQuery();
                }
                catch when (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0)
                {
                    rollback.ExecuteNonQuery();
                    throw;
                }
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
