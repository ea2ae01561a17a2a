using System.Globalization;
using Microsoft.Data.Sqlite;

// The benchmark's yardstick: the least an ASP.NET Core app on raw Microsoft.Data.Sqlite does to answer the
// same two requests as the service, on the same database file (seeded by the benchmark) and with the same
// durability (WAL, synchronous=FULL on every write). No auth, no HAL, no ETags, no validation framework,
// no per-request logging.
//   GET  /posts/{id}  one row by primary key, serialized with System.Text.Json
//   POST /posts       one INSERT per request ({"title", "body"}), by the user named Baseline:Author
//   GET  /health      SELECT 1
SQLitePCL.Batteries_V2.Init();

var builder = WebApplication.CreateBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("Baseline")
    ?? throw new InvalidOperationException("Set ConnectionStrings__Baseline to the benchmark's database.");
var authorName = builder.Configuration["Baseline:Author"] ?? "bench";
var app = builder.Build();

// The author of the inserted posts, read once; the file's journal mode (WAL) was set by the service.
var author = await FindAuthorAsync(connectionString, authorName);

app.MapGet("/health", async () =>
{
    await using var connection = await OpenAsync(connectionString);
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT 1";
    await command.ExecuteScalarAsync();
    return TypedResults.Ok(new Health("Healthy"));
});

app.MapGet("/posts/{id:guid}", async Task<IResult> (Guid id) =>
{
    await using var connection = await OpenAsync(connectionString);
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT Id, Title, Body, AuthorName, PostedDate, UpdatedDate FROM Posts WHERE Id = $id";
    command.Parameters.AddWithValue("$id", Text(id));
    await using var reader = await command.ExecuteReaderAsync();
    if (!await reader.ReadAsync())
    {
        return TypedResults.NotFound();
    }

    return TypedResults.Ok(new PostRow(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
        FromMilliseconds(reader.GetInt64(4)), FromMilliseconds(reader.GetInt64(5))));
});

app.MapPost("/posts", async Task<IResult> (PostInput input) =>
{
    if (string.IsNullOrWhiteSpace(input.Title) || string.IsNullOrWhiteSpace(input.Body))
    {
        return TypedResults.BadRequest();
    }

    var now = DateTimeOffset.UtcNow;
    var id = Guid.CreateVersion7(now);
    var ms = now.ToUnixTimeMilliseconds();
    await using var connection = await OpenAsync(connectionString);
    await using (var pragma = connection.CreateCommand())
    {
        pragma.CommandText = "PRAGMA synchronous = FULL";
        await pragma.ExecuteNonQueryAsync();
    }

    await using var command = connection.CreateCommand();
    command.CommandText = """
        INSERT INTO Posts (Id, Title, Body, AuthorId, AuthorName, PostedDate, UpdatedDate, Version)
        VALUES ($id, $title, $body, $authorId, $authorName, $posted, $posted, 1)
        """;
    command.Parameters.AddWithValue("$id", Text(id));
    command.Parameters.AddWithValue("$title", input.Title);
    command.Parameters.AddWithValue("$body", input.Body);
    command.Parameters.AddWithValue("$authorId", author.Id);
    command.Parameters.AddWithValue("$authorName", author.Name);
    command.Parameters.AddWithValue("$posted", ms);
    await command.ExecuteNonQueryAsync();
    var date = FromMilliseconds(ms);
    return TypedResults.Created(
        string.Create(CultureInfo.InvariantCulture, $"/posts/{id}"),
        new PostRow(id, input.Title, input.Body, author.Name, date, date));
});

await app.RunAsync();

static async Task<SqliteConnection> OpenAsync(string connectionString)
{
    var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    return connection;
}

static async Task<(string Id, string Name)> FindAuthorAsync(string connectionString, string username)
{
    await using var connection = await OpenAsync(connectionString);
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT Id, Username FROM Users WHERE NormalizedUsername = $name";
    command.Parameters.AddWithValue("$name", username.ToUpperInvariant());
    await using var reader = await command.ExecuteReaderAsync();
    return await reader.ReadAsync()
        ? (reader.GetString(0), reader.GetString(1))
        : throw new InvalidOperationException($"No user '{username}' in the database.");
}

// Stored as EF Core stores them: upper-case canonical Guids, Unix milliseconds.
static string Text(Guid id) => id.ToString("D").ToUpperInvariant();

static DateTime FromMilliseconds(long ms) => DateTime.UnixEpoch.AddMilliseconds(ms);

internal sealed record PostRow(Guid Id, string Title, string Body, string AuthorName, DateTime PostedDate, DateTime UpdatedDate);

internal sealed record PostInput(string? Title, string? Body);

internal sealed record Health(string Status);
