using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

// The benchmark's yardstick: the least an ASP.NET Core app on a raw ADO.NET provider does to answer the same two
// requests as the service, on the same database (seeded by the benchmark) and with the same durability. On SQLite
// (Baseline:Provider=Sqlite, the default): raw Microsoft.Data.Sqlite, WAL, synchronous=FULL on every write. On
// PostgreSQL (Baseline:Provider=Postgres): raw Npgsql through a pooled NpgsqlDataSource; every write is an
// autocommitted INSERT, made durable by the server's own synchronous_commit. No auth, no HAL, no ETags, no validation
// framework, no per-request logging.
//   GET  /posts/{id}  one row by primary key (the columns the service shows), serialized with System.Text.Json
//   POST /posts       one INSERT per request ({"title", "body"}) of a post published now, by the user named Baseline:Author
//   GET  /health      SELECT 1
var builder = WebApplication.CreateBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("Baseline")
    ?? throw new InvalidOperationException("Set ConnectionStrings__Baseline to the benchmark's database.");
var authorName = builder.Configuration["Baseline:Author"] ?? "bench";
IStore store = (builder.Configuration["Baseline:Provider"] ?? "Sqlite") switch
{
    "Sqlite" => new SqliteStore(connectionString),
    "Postgres" => new PostgresStore(connectionString),
    var other => throw new InvalidOperationException($"Baseline:Provider is Sqlite or Postgres, not '{other}'."),
};
var app = builder.Build();

// The author of the inserted posts, read once.
var author = await store.FindAuthorAsync(authorName);

app.MapGet("/health", async () =>
{
    await store.PingAsync();
    return TypedResults.Ok(new Health("Healthy"));
});

app.MapGet("/posts/{id:guid}", async Task<IResult> (Guid id) =>
    await store.FindPostAsync(id) is { } post ? TypedResults.Ok(post) : TypedResults.NotFound());

app.MapPost("/posts", async Task<IResult> (PostInput input) =>
{
    if (string.IsNullOrWhiteSpace(input.Title) || string.IsNullOrWhiteSpace(input.Body))
    {
        return TypedResults.BadRequest();
    }

    var now = DateTimeOffset.UtcNow;
    var id = Guid.CreateVersion7(now);
    var ms = now.ToUnixTimeMilliseconds();
    await store.InsertPostAsync(id, input.Title, input.Body, author, ms);
    var date = Store.FromMilliseconds(ms);
    return TypedResults.Created(
        string.Create(CultureInfo.InvariantCulture, $"/posts/{id}"),
        new PostRow(id, input.Title, input.Body, [], author.Name, date, date, date, 0));
});

await app.RunAsync();

internal interface IStore
{
    Task PingAsync();

    Task<Author> FindAuthorAsync(string username);

    Task<PostRow?> FindPostAsync(Guid id);

    Task InsertPostAsync(Guid id, string title, string body, Author author, long ms);
}

internal static class Store
{
    public static DateTime FromMilliseconds(long ms) => DateTime.UnixEpoch.AddMilliseconds(ms);

    /// <summary>Posts.Tags: names separated by single spaces, '' for none.</summary>
    public static string[] Tags(string stored) => stored.Length == 0 ? [] : stored.Split(' ');
}

/// <summary>Raw Microsoft.Data.Sqlite on the service's file (its journal mode, WAL, was set by the service).</summary>
internal sealed class SqliteStore : IStore
{
    private readonly string connectionString;

    public SqliteStore(string connectionString)
    {
        SQLitePCL.Batteries_V2.Init();
        this.connectionString = connectionString;
    }

    public async Task PingAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync();
    }

    public async Task<Author> FindAuthorAsync(string username)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Username FROM Users WHERE NormalizedUsername = $name";
        command.Parameters.AddWithValue("$name", username.ToUpperInvariant());
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new Author(reader.GetGuid(0), reader.GetString(1))
            : throw new InvalidOperationException($"No user '{username}' in the database.");
    }

    public async Task<PostRow?> FindPostAsync(Guid id)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Title, Body, Tags, AuthorName, PostedDate, UpdatedDate, PublishedDate, CommentCount FROM Posts WHERE Id = $id";
        command.Parameters.AddWithValue("$id", Text(id));
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new PostRow(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), Store.Tags(reader.GetString(3)), reader.GetString(4),
                Store.FromMilliseconds(reader.GetInt64(5)), Store.FromMilliseconds(reader.GetInt64(6)),
                reader.IsDBNull(7) ? null : Store.FromMilliseconds(reader.GetInt64(7)), reader.GetInt32(8))
            : null;
    }

    public async Task InsertPostAsync(Guid id, string title, string body, Author author, long ms)
    {
        await using var connection = await OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = FULL";
            await pragma.ExecuteNonQueryAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO Posts (Id, Title, Body, Tags, AuthorId, AuthorName, PostedDate, UpdatedDate, PublishedDate, ListedDate, CommentCount, Version)
            VALUES ($id, $title, $body, '', $authorId, $authorName, $posted, $posted, $posted, $posted, 0, 1)
            """;
        command.Parameters.AddWithValue("$id", Text(id));
        command.Parameters.AddWithValue("$title", title);
        command.Parameters.AddWithValue("$body", body);
        command.Parameters.AddWithValue("$authorId", Text(author.Id));
        command.Parameters.AddWithValue("$authorName", author.Name);
        command.Parameters.AddWithValue("$posted", ms);
        await command.ExecuteNonQueryAsync();
    }

    // Stored as EF Core stores them: upper-case canonical Guids.
    private static string Text(Guid id) => id.ToString("D").ToUpperInvariant();

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}

/// <summary>Raw Npgsql on the service's database: uuid ids, bigint Unix milliseconds, as EF Core stores them.</summary>
internal sealed class PostgresStore(string connectionString) : IStore
{
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);

    public async Task PingAsync()
    {
        await using var command = dataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync();
    }

    public async Task<Author> FindAuthorAsync(string username)
    {
        await using var command = dataSource.CreateCommand("SELECT \"Id\", \"Username\" FROM \"Users\" WHERE \"NormalizedUsername\" = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = username.ToUpperInvariant() });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new Author(reader.GetGuid(0), reader.GetString(1))
            : throw new InvalidOperationException($"No user '{username}' in the database.");
    }

    public async Task<PostRow?> FindPostAsync(Guid id)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT "Id", "Title", "Body", "Tags", "AuthorName", "PostedDate", "UpdatedDate", "PublishedDate", "CommentCount"
            FROM "Posts" WHERE "Id" = $1
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new PostRow(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), Store.Tags(reader.GetString(3)), reader.GetString(4),
                Store.FromMilliseconds(reader.GetInt64(5)), Store.FromMilliseconds(reader.GetInt64(6)),
                reader.IsDBNull(7) ? null : Store.FromMilliseconds(reader.GetInt64(7)), reader.GetInt32(8))
            : null;
    }

    public async Task InsertPostAsync(Guid id, string title, string body, Author author, long ms)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO "Posts" ("Id", "Title", "Body", "Tags", "AuthorId", "AuthorName", "PostedDate", "UpdatedDate", "PublishedDate", "ListedDate", "CommentCount", "Version")
            VALUES ($1, $2, $3, '', $4, $5, $6, $6, $6, $6, 0, 1)
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = title, NpgsqlDbType = NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = body, NpgsqlDbType = NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = author.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = author.Name, NpgsqlDbType = NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = ms });
        await command.ExecuteNonQueryAsync();
    }
}

internal sealed record Author(Guid Id, string Name);

internal sealed record PostRow(
    Guid Id, string Title, string Body, string[] Tags, string AuthorName, DateTime PostedDate, DateTime UpdatedDate, DateTime? PublishedDate,
    int CommentCount);

internal sealed record PostInput(string? Title, string? Body);

internal sealed record Health(string Status);
