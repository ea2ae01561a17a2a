using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary>
/// A text that matches thousands of posts is served by walking the newest-first index rather than by sorting every
/// match; the answers must be the same: newest first, exact totals, pages that neither repeat nor skip.
/// </summary>
// SQLite only: the strategy under test (walking the newest-first index past FTS5 matches) is SQLite's.
[TestFixture(DatabaseProvider.Sqlite)]
public sealed class SearchManyMatches(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const int Matching = 2_500;

    [Test]
    public async Task PagesThroughThousandsOfMatchesNewestFirstWithAnExactTotal()
    {
        var user = await Client.RegisterAsync();
        var newestFirst = SeedPosts(user, Matching);

        var first = await Client.GetJsonAsync("/posts?q=MANYMATCH&size=50");
        var second = await Client.GetJsonAsync(BlogClient.Href(first, "next"));

        Assert.That(first["totalItems"]!.GetValue<int>(), Is.EqualTo(Matching));
        Assert.That(Ids(first).Concat(Ids(second)), Is.EqualTo(newestFirst.Take(100)));
    }

    /// <summary>Inserts posts straight into the service's file (the search triggers fire as for the service's own).</summary>
    private List<string> SeedPosts(string username, int count)
    {
        using var connection = new SqliteConnection($"Data Source={Factory.DatabasePath}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var author = connection.CreateCommand();
        author.CommandText = "SELECT Id FROM Users WHERE NormalizedUsername = $name";
        author.Parameters.AddWithValue("$name", username.ToUpperInvariant());
        var authorId = (string)author.ExecuteScalar()!;

        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO Posts (Id, Title, Body, Tags, AuthorId, AuthorName, PostedDate, UpdatedDate, PublishedDate, ListedDate, CommentCount, Version)
            VALUES ($id, $title, 'a body with manymatch inside', '', $author, $name, $date, $date, $date, $date, 0, 1)
            """;
        var ids = new List<string>();
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        for (var i = 0; i < count; i++)
        {
            var date = start.AddSeconds(i);
            var id = Guid.CreateVersion7(date);
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant());
            insert.Parameters.AddWithValue("$title", string.Create(CultureInfo.InvariantCulture, $"Post {i}"));
            insert.Parameters.AddWithValue("$author", authorId);
            insert.Parameters.AddWithValue("$name", username);
            insert.Parameters.AddWithValue("$date", date.ToUnixTimeMilliseconds());
            insert.ExecuteNonQuery();
            ids.Insert(0, id.ToString());
        }

        using var counter = connection.CreateCommand();
        counter.CommandText = "UPDATE Users SET PostCount = PostCount + $count WHERE Id = $author";
        counter.Parameters.AddWithValue("$count", count);
        counter.Parameters.AddWithValue("$author", authorId);
        counter.ExecuteNonQuery();
        transaction.Commit();
        return ids;
    }

    private static IEnumerable<string> Ids(JsonNode page) =>
        page["_embedded"]!["posts"]!.AsArray().Select(p => p!["id"]!.GetValue<string>());
}
