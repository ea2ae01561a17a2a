using Npgsql;

namespace Baseline;

/// <summary>
/// Raw Npgsql on the service's database: uuid ids, bigint Unix milliseconds, as EF Core stores them. Pooled
/// connections (NpgsqlDataSource) without the reset on every return to the pool; statements prepared on each
/// connection the second time it runs them (Max Auto Prepare) and kept there. A page and its count, and a create and
/// its author's count, are one round trip each (a batch, which runs in one implicit transaction). PostgreSQL has no
/// single writer: creates run side by side, durable through the server's synchronous_commit.
/// </summary>
/// <remarks>
/// Searches are not prepared: the planner must see the pattern to choose between the trigram indexes (a rare word)
/// and the newest-first index (a common one); a prepared statement may settle on one generic plan for both.
/// </remarks>
internal sealed class PostgresStore : IStore
{
    private const string Columns =
        "\"Id\", \"Title\", \"Body\", \"Tags\", \"AuthorName\", \"PostedDate\", \"UpdatedDate\", \"PublishedDate\", \"CommentCount\"";

    private const string Matching = "(\"Title\" ILIKE $1 OR \"Body\" ILIKE $1) AND \"PublishedDate\" <= $2";

    private readonly NpgsqlDataSource prepared;
    private readonly NpgsqlDataSource planned;

    public PostgresStore(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        planned = NpgsqlDataSource.Create(settings.ConnectionString);
        settings.MaxAutoPrepare = 20;
        settings.AutoPrepareMinUsages = 2;
        prepared = NpgsqlDataSource.Create(settings.ConnectionString);
    }

    public async ValueTask PingAsync()
    {
        await using var command = prepared.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync();
    }

    public async ValueTask<Author> FindAuthorAsync(string username)
    {
        await using var command = prepared.CreateCommand("SELECT \"Id\", \"Username\" FROM \"Users\" WHERE \"NormalizedUsername\" = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = username.ToUpperInvariant() });
        await using var row = await command.ExecuteReaderAsync();
        return await row.ReadAsync()
            ? new Author(row.GetGuid(0), row.GetString(1))
            : throw new InvalidOperationException($"No user '{username}' in the database.");
    }

    public async ValueTask<Post?> FindPostAsync(Guid id)
    {
        await using var command = prepared.CreateCommand($"SELECT {Columns} FROM \"Posts\" WHERE \"Id\" = $1 AND \"PublishedDate\" <= $2");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
        await using var row = await command.ExecuteReaderAsync();
        return await row.ReadAsync() ? ReadPost(row) : null;
    }

    /// <remarks>The count the service keeps: each author's published posts, less those whose date has not come.</remarks>
    public ValueTask<PostPage> FirstPageAsync(long now) => ReadPageAsync(
        prepared,
        $"SELECT {Columns} FROM \"Posts\" WHERE \"PublishedDate\" <= $1 ORDER BY \"PublishedDate\" DESC, \"Id\" DESC LIMIT {IStore.PageSize}",
        "SELECT (SELECT coalesce(sum(\"PostCount\"), 0) FROM \"Users\") - (SELECT count(*) FROM \"Posts\" WHERE \"PublishedDate\" > $1)",
        () => [new NpgsqlParameter<long> { TypedValue = now }]);

    /// <remarks>ILIKE, which pg_trgm's GIN indexes on Title and Body answer, as the service searches.</remarks>
    public ValueTask<PostPage> SearchFirstPageAsync(string text, long now)
    {
        var pattern = $"%{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
        return ReadPageAsync(
            planned,
            $"SELECT {Columns} FROM \"Posts\" WHERE {Matching} ORDER BY \"PublishedDate\" DESC, \"Id\" DESC LIMIT {IStore.PageSize}",
            $"SELECT count(*) FROM \"Posts\" WHERE {Matching}",
            () => [new NpgsqlParameter<string> { TypedValue = pattern }, new NpgsqlParameter<long> { TypedValue = now }]);
    }

    public async ValueTask CreatePostAsync(Guid id, string title, string body, Author author, long ms)
    {
        await using var batch = prepared.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            """
            INSERT INTO "Posts" ("Id", "Title", "Body", "Tags", "AuthorId", "AuthorName", "PostedDate", "UpdatedDate", "PublishedDate", "ListedDate", "CommentCount", "Version")
            VALUES ($1, $2, $3, '', $4, $5, $6, $6, $6, $6, 0, 1)
            """)
        {
            Parameters =
            {
                new NpgsqlParameter<Guid> { TypedValue = id },
                new NpgsqlParameter<string> { TypedValue = title },
                new NpgsqlParameter<string> { TypedValue = body },
                new NpgsqlParameter<Guid> { TypedValue = author.Id },
                new NpgsqlParameter<string> { TypedValue = author.Name },
                new NpgsqlParameter<long> { TypedValue = ms },
            },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("UPDATE \"Users\" SET \"PostCount\" = \"PostCount\" + 1 WHERE \"Id\" = $1")
        {
            Parameters = { new NpgsqlParameter<Guid> { TypedValue = author.Id } },
        });
        await batch.ExecuteNonQueryAsync();
    }

    private static Post ReadPost(NpgsqlDataReader row) => new(
        row.GetGuid(0), row.GetString(1), row.GetString(2), StoredTags.Parse(row.GetString(3)), Post.Published,
        Dates.FromMilliseconds(row.GetInt64(7)), row.GetString(4), Dates.FromMilliseconds(row.GetInt64(5)),
        Dates.FromMilliseconds(row.GetInt64(6)), row.GetInt32(8));

    /// <summary>A page and its count in one round trip; each statement gets its own copy of the parameters.</summary>
    private static async ValueTask<PostPage> ReadPageAsync(
        NpgsqlDataSource dataSource, string pageSql, string countSql, Func<NpgsqlParameter[]> parameters)
    {
        await using var batch = dataSource.CreateBatch();
        var page = new NpgsqlBatchCommand(pageSql);
        page.Parameters.AddRange(parameters());
        var count = new NpgsqlBatchCommand(countSql);
        count.Parameters.AddRange(parameters());
        batch.BatchCommands.Add(page);
        batch.BatchCommands.Add(count);
        await using var row = await batch.ExecuteReaderAsync();
        var posts = new List<Post>(IStore.PageSize);
        while (await row.ReadAsync())
        {
            posts.Add(ReadPost(row));
        }

        await row.NextResultAsync();
        await row.ReadAsync();
        return new PostPage(row.GetInt64(0), posts);
    }
}
