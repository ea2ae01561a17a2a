using System.Net;
using Blog.Tests.Unit;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Tests.Integration;

/// <summary>
/// A <c>blog.db</c> written by the release that ran on EF Core 6 is migrated forward at start, and everything in it
/// reads back through the API. <c>Fixtures/blog-ef6.sqlite</c> was made by that release (commit f552515) through its
/// own API: users Rick (password1, display name "Rick Sanchez") and morty (password2); Rick's posts "First!" and
/// "Keyed" (created with Idempotency-Key fixture-key-1); morty's "Morty, edited" (patched once, so version 2) and a
/// deleted post.
/// </summary>
public sealed class MigrateEfCore6Database
{
    private BlogApiFactory factory = null!;
    private BlogClient client = null!;

    private static string FixturePath => Path.Combine(TestContext.CurrentContext.TestDirectory, "Integration", "Fixtures", "blog-ef6.sqlite");

    [OneTimeSetUp]
    public void StartServiceOnTheOldFile()
    {
        factory = new BlogApiFactory();
        File.Copy(FixturePath, factory.DatabasePath);
        client = new BlogClient(factory.CreateClient());
    }

    [OneTimeTearDown]
    public void StopService()
    {
        client.Http.Dispose();
        factory.Dispose();
    }

    [Test]
    public async Task ReadsBackEveryPost()
    {
        var page = await client.GetJsonAsync(await client.RootLinkAsync("posts"));
        var posts = page["_embedded"]!["posts"]!.AsArray().Select(post => post!).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(page["totalItems"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(posts.Select(post => post["title"]!.GetValue<string>()), Is.EqualTo(new[] { "Morty, edited", "Keyed", "First!" }));
            Assert.That(posts.Select(post => post["authorName"]!.GetValue<string>()), Is.EqualTo(new[] { "morty", "Rick", "Rick" }));
            Assert.That(posts[2]["body"]!.GetValue<string>(), Is.EqualTo("First post! ünïcødé 🙂"));
            Assert.That(posts[0]["postedDate"]!.GetValue<string>(), Is.EqualTo("2026-11-25T16:27:30.748Z"));
            Assert.That(posts[0]["updatedDate"]!.GetValue<string>(), Is.Not.EqualTo(posts[0]["postedDate"]!.GetValue<string>()));
        });
    }

    [Test]
    public async Task KeepsEachPostsVersionInItsETag()
    {
        var page = await client.GetJsonAsync(await client.RootLinkAsync("posts"));
        var edited = BlogClient.Href(page["_embedded"]!["posts"]![0]!, "self");

        using var response = await client.Http.GetAsync(edited);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.ETag!.Tag, Does.EndWith("-2\""));
    }

    [Test]
    public async Task ReadsBackEveryUserWithTheirPostCount()
    {
        var rick = await client.GetJsonAsync("/users/rick");
        var morty = await client.GetJsonAsync("/users/morty");

        Assert.Multiple(() =>
        {
            Assert.That(rick["username"]!.GetValue<string>(), Is.EqualTo("Rick"));
            Assert.That(rick["displayName"]!.GetValue<string>(), Is.EqualTo("Rick Sanchez"));
            Assert.That(rick["postCount"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(morty["postCount"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task SignsInWithAPasswordHashedByTheOldRelease()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me") { Headers = { Authorization = BlogClient.Basic("morty", "password2") } };
        using var response = await client.Http.SendAsync(request);
        var me = await BlogClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(me["username"]!.GetValue<string>(), Is.EqualTo("morty"));
    }

    [Test]
    public async Task KeepsTheOldMigrationHistoryAndTheSearchIndex()
    {
        var found = await client.GetJsonAsync("/posts?q=%C3%BCn%C3%AFc");
        Assert.That(found["totalItems"]!.GetValue<int>(), Is.EqualTo(1));

        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId";
        var applied = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            applied.Add(reader.GetString(0));
        }

        Assert.That(applied.Take(3), Is.EqualTo(new[] { "20261121105949_InitialCreate", "20261121111359_IdempotencyRecords", "20261121112341_PostsFullTextSearch" }));
    }

    /// <summary>Within a day of the old release's keyed create (its clock set back to then), the same key replays it.</summary>
    [Test]
    public async Task ReplaysACreateKeyedUnderTheOldRelease()
    {
        using var keyed = new BlogApiFactory();
        File.Copy(FixturePath, keyed.DatabasePath);
        var soonAfter = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero));
        using var http = keyed.WithWebHostBuilder(builder => builder.ConfigureTestServices(
            services => services.AddSingleton<TimeProvider>(soonAfter))).CreateClient();
        var replaying = new BlogClient(http);

        using var response = await replaying.SendAsync(
            HttpMethod.Post, "/posts", content: BlogClient.Json("""{"title":"Keyed","body":"Created with an Idempotency-Key"}"""), configure: request =>
            {
                request.Headers.Authorization = BlogClient.Basic("Rick", "password1");
                request.Headers.Add("Idempotency-Key", "fixture-key-1");
            });
        var post = await BlogClient.ReadJsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(response.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
            Assert.That(post["id"]!.GetValue<string>(), Is.EqualTo("01a21388-9eb7-7c92-a737-2d5c171ec62c"));
        });
    }
}
