using System.Net;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class ListPosts(DatabaseProvider provider) : IntegrationTest(provider)
{
    private string author = null!;
    private List<string> createdNewestFirst = null!;

    [OneTimeSetUp]
    public async Task CreateSevenPosts()
    {
        author = await Client.RegisterAsync(BlogClient.UniqueName("pager"));
        createdNewestFirst = [];
        for (var i = 0; i < 7; i++)
        {
            var post = await Client.CreatePostAsync(author, $"Post {i}", i % 2 == 0 ? "even Needle" : "odd");
            createdNewestFirst.Insert(0, post["id"]!.GetValue<string>());
        }
    }

    [Test]
    public async Task PagesForwardThroughEveryPostOnceNewestFirst()
    {
        var seen = new List<string>();
        var page = await Client.GetJsonAsync($"/posts?author={author}&size=3");
        Assert.That(page["_links"]!["prev"], Is.Null, "the first page has no prev link");
        while (true)
        {
            seen.AddRange(Ids(page));
            if (page["_links"]!["next"] is null)
            {
                break;
            }

            page = await Client.GetJsonAsync(BlogClient.Href(page, "next"));
        }

        Assert.That(seen, Is.EqualTo(createdNewestFirst));
    }

    [Test]
    public async Task PagesBackWithPrevLinks()
    {
        var first = await Client.GetJsonAsync($"/posts?author={author}&size=3");
        var second = await Client.GetJsonAsync(BlogClient.Href(first, "next"));
        var third = await Client.GetJsonAsync(BlogClient.Href(second, "next"));

        var backToSecond = await Client.GetJsonAsync(BlogClient.Href(third, "prev"));
        var backToFirst = await Client.GetJsonAsync(BlogClient.Href(backToSecond, "prev"));

        Assert.Multiple(() =>
        {
            Assert.That(Ids(third), Has.Count.EqualTo(1), "7 posts in pages of 3");
            Assert.That(third["_links"]!["next"], Is.Null, "the last page has no next link");
            Assert.That(Ids(backToSecond), Is.EqualTo(Ids(second)));
            Assert.That(Ids(backToFirst), Is.EqualTo(Ids(first)));
            Assert.That(backToFirst["_links"]!["prev"], Is.Null);
        });
    }

    [Test]
    public async Task NeitherRepeatsNorSkipsWhilePostsAreCreatedAndDeleted()
    {
        var user = await Client.RegisterAsync(BlogClient.UniqueName("churn"));
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Insert(0, (await Client.CreatePostAsync(user, $"C{i}"))["id"]!.GetValue<string>());
        }

        var first = await Client.GetJsonAsync($"/posts?author={user}&size=2");
        await Client.CreatePostAsync(user, "newer than the first page");
        using (await Client.SendAsync(HttpMethod.Delete, $"/posts/{ids[0]}", user))
        {
        }

        var rest = new List<string>();
        var page = await Client.GetJsonAsync(BlogClient.Href(first, "next"));
        while (true)
        {
            rest.AddRange(Ids(page));
            if (page["_links"]!["next"] is null)
            {
                break;
            }

            page = await Client.GetJsonAsync(BlogClient.Href(page, "next"));
        }

        Assert.That(Ids(first).Concat(rest), Is.EqualTo(ids));
    }

    [Test]
    public async Task KeepsSizeAndFiltersInEveryLink()
    {
        var page = await Client.GetJsonAsync($"/posts?author={author}&q=needle&size=2");

        foreach (var rel in new[] { "self", "first", "next" })
        {
            var href = BlogClient.Href(page, rel);
            Assert.That(href, Does.Contain($"author={author}").And.Contain("q=needle").And.Contain("size=2"), rel);
        }

        Assert.That(BlogClient.Href(page, "home"), Is.EqualTo("http://localhost/"));
    }

    [Test]
    public async Task ReportsSizeAndTotalItems()
    {
        var page = await Client.GetJsonAsync($"/posts?author={author}&size=3");

        Assert.That(page["size"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(page["totalItems"]!.GetValue<int>(), Is.EqualTo(7));
    }

    [Test]
    public async Task DefaultsToPagesOf20()
    {
        var page = await Client.GetJsonAsync("/posts");

        Assert.That(page["size"]!.GetValue<int>(), Is.EqualTo(20));
        Assert.That(BlogClient.Href(page, "self"), Does.Contain("size=20"));
    }

    [Test]
    public async Task FiltersByTextInTitleOrBodyWithoutRegardToCase()
    {
        var page = await Client.GetJsonAsync($"/posts?author={author}&q=NEEDLE");

        Assert.That(Ids(page), Has.Count.EqualTo(4));
        Assert.That(page["totalItems"]!.GetValue<int>(), Is.EqualTo(4));
    }

    [Test]
    public async Task TreatsLikeWildcardsAsPlainText()
    {
        var page = await Client.GetJsonAsync($"/posts?author={author}&q=%25");

        Assert.That(Ids(page), Is.Empty);
    }

    [Test]
    public async Task FiltersByAuthorWithoutRegardToCase()
    {
        var page = await Client.GetJsonAsync($"/posts?author={author.ToUpperInvariant()}&size=100");

        Assert.That(Ids(page), Is.EqualTo(createdNewestFirst));
    }

    [TestCase("nobody-at-all")]
    [TestCase("nul%00name")]
    public async Task EmbedsAnEmptyArrayWhenNothingMatches(string author)
    {
        using var response = await Client.Http.GetAsync($"/posts?author={author}");
        var page = await BlogClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page["_embedded"]!["posts"], Is.InstanceOf<JsonArray>());
        Assert.That(Ids(page), Is.Empty);
        Assert.That(page["totalItems"]!.GetValue<int>(), Is.EqualTo(0));
    }

    [Test]
    public async Task EmbedsAnArrayEvenForOnePost()
    {
        var user = await Client.RegisterAsync();
        await Client.CreatePostAsync(user);

        var page = await Client.GetJsonAsync($"/posts?author={user}");

        Assert.That(page["_embedded"]!["posts"], Is.InstanceOf<JsonArray>());
        Assert.That(Ids(page), Has.Count.EqualTo(1));
    }

    [TestCase("size=0")]
    [TestCase("size=101")]
    [TestCase("size=abc")]
    [TestCase("size=99999999999999999999")]
    public async Task Returns400ForABadSize(string query)
    {
        using var response = await Client.Http.GetAsync($"/posts?{query}");

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["size"], Is.Not.Null, problem.ToJsonString());
    }

    [Test]
    public async Task TreatsAnEmptyCursorAsNone()
    {
        using var response = await Client.Http.GetAsync("/posts?cursor=");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("garbage")]
    [TestCase("bi4xMjM0NTY3ODkuMDE5MzAwMDAwMDAwNzAwMDgwMDAwMDAwMDAwMDAwMDA")]
    public async Task Returns400ForACursorTheServiceDidNotIssue(string cursor)
    {
        using var response = await Client.Http.GetAsync($"/posts?cursor={cursor}");

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["cursor"], Is.Not.Null, problem.ToJsonString());
    }

    [Test]
    public async Task Returns400ForOverlongQueryValues()
    {
        using var q = await Client.Http.GetAsync($"/posts?q={new string('q', 5000)}");
        using var cursor = await Client.Http.GetAsync($"/posts?cursor={new string('c', 5000)}");

        await BlogClient.AssertProblemAsync(q, HttpStatusCode.BadRequest);
        await BlogClient.AssertProblemAsync(cursor, HttpStatusCode.BadRequest);
    }

    private static List<string> Ids(JsonNode page) =>
        page["_embedded"]!["posts"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).ToList();
}
