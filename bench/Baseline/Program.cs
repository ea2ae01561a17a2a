using System.Globalization;
using Baseline;

// The benchmark's yardstick: what a careful hand-written ASP.NET Core app does to answer the benchmark's requests on
// the service's own database (seeded by the benchmark, so its triggers and indexes cost the same) with the same
// durability. The slim builder, source-generated JSON, no per-request logging; commands prepared once on connections
// kept open (SqliteStore, PostgresStore). No auth, HAL, ETags, validation framework or problem bodies.
//   GET  /posts/{id}        one post by primary key
//   GET  /mvc/posts/{id}    the same read through a bare [ApiController] (PostsController), nothing around it
//   GET  /posts             the first page of 20 public posts, newest first, with totalItems
//   GET  /posts?q=word      the same for the posts whose title or body contains the word
//   POST /posts             a post published now ({"title", "body"}), by the user named Baseline:Author
//   GET  /health            SELECT 1
var builder = WebApplication.CreateSlimBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("Baseline")
    ?? throw new InvalidOperationException("Set ConnectionStrings__Baseline to the benchmark's database.");
var authorName = builder.Configuration["Baseline:Author"] ?? "bench";
IStore store = (builder.Configuration["Baseline:Provider"] ?? "Sqlite") switch
{
    "Sqlite" => new SqliteStore(connectionString),
    "Postgres" => new PostgresStore(connectionString),
    var other => throw new InvalidOperationException($"Baseline:Provider is Sqlite or Postgres, not '{other}'."),
};

builder.Services.AddSingleton(store);
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, BaselineJson.Default));
builder.Services.AddControllers()
    .AddJsonOptions(options => options.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, BaselineJson.Default));

var app = builder.Build();

// The author of the created posts, read once.
var author = await store.FindAuthorAsync(authorName);

app.MapGet("/health", async () =>
{
    await store.PingAsync();
    return TypedResults.Ok(new Health("Healthy"));
});

app.MapGet("/posts/{id:guid}", async Task<IResult> (Guid id) =>
    await store.FindPostAsync(id) is { } post ? TypedResults.Ok(post) : TypedResults.NotFound());

app.MapGet("/posts", async Task<IResult> (string? q) =>
{
    var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    if (string.IsNullOrEmpty(q))
    {
        return TypedResults.Ok(await store.FirstPageAsync(now));
    }

    // The trigram indexes (FTS5 on SQLite, pg_trgm on PostgreSQL) find texts of three characters or more; the
    // service looks for shorter ones with LIKE, which the benchmark never asks for.
    return q.EnumerateRunes().Take(3).Count() < 3 ? TypedResults.BadRequest() : TypedResults.Ok(await store.SearchFirstPageAsync(q, now));
});

app.MapPost("/posts", async Task<IResult> (PostInput input) =>
{
    if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 200 || string.IsNullOrWhiteSpace(input.Body) || input.Body.Length > 100_000)
    {
        return TypedResults.BadRequest();
    }

    var now = DateTimeOffset.UtcNow;
    var id = Guid.CreateVersion7(now);
    var ms = now.ToUnixTimeMilliseconds();
    await store.CreatePostAsync(id, input.Title, input.Body, author, ms);
    var date = Dates.FromMilliseconds(ms);
    return TypedResults.Created(
        string.Create(CultureInfo.InvariantCulture, $"/posts/{id}"),
        new Post(id, input.Title, input.Body, [], Post.Published, date, author.Name, date, date, 0));
});

app.MapControllers();

await app.RunAsync();
