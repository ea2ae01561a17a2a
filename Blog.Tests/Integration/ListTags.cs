using System.Net;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary><c>GET /tags</c> on a database of this fixture's own, whose tags the setup alone writes.</summary>
public sealed class ListTags(DatabaseProvider provider) : IntegrationTest(provider)
{
    /// <summary>
    /// Most used first, then by name in ordinal order ("a-z" before "ab"). beta is also on a post scheduled for 2100, and
    /// later only there; zzz-draft is only on a draft, omega only on a deleted post.
    /// </summary>
    private static readonly (string Name, int PostCount)[] Expected =
        [("alpha", 3), ("beta", 3), ("gamma", 2), ("a-z", 1), ("ab", 1), ("delta", 1)];

    [OneTimeSetUp]
    public async Task CreateTaggedPosts()
    {
        var author = await Client.RegisterAsync(BlogClient.UniqueName("tagger"));
        await Client.CreateTaggedPostAsync(author, ["gamma", "beta", "alpha"]);
        await Client.CreateTaggedPostAsync(author, ["alpha", "beta", "gamma"]);
        await Client.CreateTaggedPostAsync(author, ["a-z", "beta", "alpha"]);
        await Client.CreateTaggedPostAsync(author, ["delta", "ab"]);
        await Client.CreateTaggedPostAsync(author, ["zzz-draft", "alpha"], status: "draft");
        await Client.CreateTaggedPostAsync(author, ["beta", "later"], status: "published", publishedDate: new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var deleted = await Client.CreateTaggedPostAsync(author, ["omega"]);
        using var delete = await Client.SendAsync(HttpMethod.Delete, BlogClient.Href(deleted, "self"), author);
        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task ListsTheTagsOfPublicPostsMostUsedFirstThenByName()
    {
        var page = await Client.GetJsonAsync($"{await Client.RootLinkAsync("tags")}?size=100");

        Assert.That(
            TaggedPosts.Embedded(page).Select(tag => (tag["name"]!.GetValue<string>(), tag["postCount"]!.GetValue<int>())),
            Is.EqualTo(Expected));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(4)]
    public async Task PagesForwardThroughEveryTagOnce(int size)
    {
        var seen = await Client.AllTagsAsync(size);

        Assert.That(seen, Is.EqualTo(Expected));
    }

    [TestCase(1)]
    [TestCase(2)]
    public async Task PagesBackWithPrevLinks(int size)
    {
        var pages = new List<JsonNode> { await Client.GetJsonAsync($"{await Client.RootLinkAsync("tags")}?size={size}") };
        while (pages[^1]["_links"]!["next"] is not null)
        {
            pages.Add(await Client.GetJsonAsync(BlogClient.Href(pages[^1], "next")));
        }

        var back = new List<JsonNode> { pages[^1] };
        while (back[^1]["_links"]!["prev"] is not null)
        {
            back.Add(await Client.GetJsonAsync(BlogClient.Href(back[^1], "prev")));
        }

        back.Reverse();
        Assert.Multiple(() =>
        {
            Assert.That(pages[0]["_links"]!["prev"], Is.Null, "the first page has no prev link");
            Assert.That(back.Select(page => TaggedPosts.Names(page).ToList()), Is.EqualTo(pages.Select(page => TaggedPosts.Names(page).ToList())));
        });
    }

    [Test]
    public async Task ReportsSizeAndTotalItemsOnEveryPage()
    {
        var first = await Client.GetJsonAsync($"{await Client.RootLinkAsync("tags")}?size=4");
        var second = await Client.GetJsonAsync(BlogClient.Href(first, "next"));

        Assert.Multiple(() =>
        {
            Assert.That(first["size"]!.GetValue<int>(), Is.EqualTo(4));
            Assert.That(first["totalItems"]!.GetValue<int>(), Is.EqualTo(Expected.Length));
            Assert.That(second["totalItems"]!.GetValue<int>(), Is.EqualTo(Expected.Length));
            Assert.That(TaggedPosts.Names(second), Has.Exactly(2).Items);
            Assert.That(second["_links"]!["next"], Is.Null, "the last page has no next link");
            Assert.That(BlogClient.Href(second, "first"), Is.EqualTo("http://localhost/tags?size=4"));
            Assert.That(BlogClient.Href(second, "home"), Is.EqualTo("http://localhost/"));
        });
    }

    [Test]
    public async Task EmbedsEachTagWithItsCountAndLinks()
    {
        var tag = TaggedPosts.Embedded(await Client.GetJsonAsync(await Client.RootLinkAsync("tags"))).First();

        Assert.Multiple(() =>
        {
            Assert.That(tag["name"]!.GetValue<string>(), Is.EqualTo("alpha"));
            Assert.That(tag["postCount"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(BlogClient.Href(tag, "self"), Is.EqualTo("http://localhost/tags/alpha"));
            Assert.That(BlogClient.Href(tag, "posts"), Is.EqualTo("http://localhost/posts?tag=alpha"));
        });
    }

    [Test]
    public async Task AnswersARepeatedGetWith304()
    {
        var tags = $"{await Client.RootLinkAsync("tags")}?size=100";
        using var first = await Client.Http.GetAsync(tags);
        using var again = await Client.SendAsync(HttpMethod.Get, tags, configure: request => request.Headers.IfNoneMatch.Add(first.Headers.ETag!));

        var body = await again.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first.Headers.ETag, Is.Not.Null);
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(body, Is.Empty);
        });
    }

    [TestCase("size=0")]
    [TestCase("size=101")]
    [TestCase("size=abc")]
    public async Task Returns400ForABadSize(string query)
    {
        using var response = await Client.Http.GetAsync($"{await Client.RootLinkAsync("tags")}?{query}");

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["size"], Is.Not.Null, problem.ToJsonString());
    }

    [Test]
    public async Task Returns400ForACursorOfThePostsList()
    {
        var posts = await Client.GetJsonAsync($"{await Client.RootLinkAsync("posts")}?size=1");
        var cursor = new Uri(BlogClient.Href(posts, "next")).Query.TrimStart('?').Split('&').Single(part => part.StartsWith("cursor=", StringComparison.Ordinal));

        using var response = await Client.Http.GetAsync($"{await Client.RootLinkAsync("tags")}?{cursor}");

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["cursor"], Is.Not.Null, problem.ToJsonString());
    }

    [Test]
    public async Task GivesAPostsListA400ForACursorOfTheTags()
    {
        var tags = await Client.GetJsonAsync($"{await Client.RootLinkAsync("tags")}?size=1");
        var cursor = new Uri(BlogClient.Href(tags, "next")).Query.TrimStart('?').Split('&').Single(part => part.StartsWith("cursor=", StringComparison.Ordinal));

        using var response = await Client.Http.GetAsync($"{await Client.RootLinkAsync("posts")}?{cursor}");

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["cursor"], Is.Not.Null, problem.ToJsonString());
    }

    [Test]
    public async Task IsLinkedFromTheRoot() =>
        Assert.That(await Client.RootLinkAsync("tags"), Is.EqualTo("http://localhost/tags"));
}
