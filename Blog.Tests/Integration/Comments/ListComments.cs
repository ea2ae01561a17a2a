using System.Net;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration.Comments;

public sealed class ListComments(DatabaseProvider provider) : IntegrationTest(provider)
{
    private JsonNode post = null!;
    private List<string> writtenOldestFirst = null!;

    [OneTimeSetUp]
    public async Task CommentFiveTimes()
    {
        var author = await Client.RegisterAsync();
        var reader = await Client.RegisterAsync();
        post = await Client.CreatePostAsync(author);
        writtenOldestFirst = [];
        for (var i = 0; i < 5; i++)
        {
            var comment = await Client.CreateCommentAsync(i % 2 == 0 ? reader : author, post, $"Comment {i}");
            writtenOldestFirst.Add(comment["id"]!.GetValue<string>());
        }
    }

    [Test]
    public async Task PagesForwardThroughEveryCommentOnceOldestFirst()
    {
        var seen = new List<string>();
        var page = await Client.GetJsonAsync($"{Comments}?size=2");
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

        Assert.That(seen, Is.EqualTo(writtenOldestFirst));
    }

    [Test]
    public async Task PagesBackWithPrevLinks()
    {
        var first = await Client.GetJsonAsync($"{Comments}?size=2");
        var second = await Client.GetJsonAsync(BlogClient.Href(first, "next"));
        var third = await Client.GetJsonAsync(BlogClient.Href(second, "next"));

        var backToSecond = await Client.GetJsonAsync(BlogClient.Href(third, "prev"));
        var backToFirst = await Client.GetJsonAsync(BlogClient.Href(backToSecond, "prev"));

        Assert.Multiple(() =>
        {
            Assert.That(Ids(third), Is.EqualTo(writtenOldestFirst[4..]), "5 comments in pages of 2");
            Assert.That(third["_links"]!["next"], Is.Null, "the last page has no next link");
            Assert.That(Ids(backToSecond), Is.EqualTo(Ids(second)));
            Assert.That(BlogClient.Href(backToSecond, "next"), Does.Contain("cursor="));
            Assert.That(Ids(backToFirst), Is.EqualTo(writtenOldestFirst[..2]));
            Assert.That(backToFirst["_links"]!["prev"], Is.Null);
        });
    }

    [Test]
    public async Task ReportsSizeAndTotalItemsAndKeepsTheSizeInEveryLink()
    {
        var page = await Client.GetJsonAsync($"{Comments}?size=2");

        Assert.Multiple(() =>
        {
            Assert.That(page["size"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(page["totalItems"]!.GetValue<int>(), Is.EqualTo(5));
            Assert.That(BlogClient.Href(page, "self"), Is.EqualTo($"{Comments}?size=2"));
            Assert.That(BlogClient.Href(page, "first"), Is.EqualTo($"{Comments}?size=2"));
            Assert.That(BlogClient.Href(page, "next"), Does.StartWith($"{Comments}?size=2&cursor="));
            Assert.That(BlogClient.Href(page, "home"), Is.EqualTo("http://localhost/"));
        });
    }

    [Test]
    public async Task EmbedsEachCommentWithItsLinks()
    {
        var page = await Client.GetJsonAsync(Comments);
        var first = page["_embedded"]!["comments"]![0]!;

        Assert.Multiple(() =>
        {
            Assert.That(first["body"]!.GetValue<string>(), Is.EqualTo("Comment 0"));
            Assert.That(BlogClient.Href(first, "self"), Does.EndWith($"/comments/{writtenOldestFirst[0]}"));
            Assert.That(BlogClient.Href(first, "post"), Is.EqualTo(BlogClient.Href(post, "self")));
        });
    }

    [Test]
    public async Task AnswersARepeatedGetWith304()
    {
        using var first = await Client.Http.GetAsync(Comments);

        using var again = await Client.SendAsync(HttpMethod.Get, Comments, configure: r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));

        Assert.That(first.Headers.ETag, Is.Not.Null);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(await again.Content.ReadAsStringAsync(), Is.Empty);
    }

    [Test]
    public async Task ListsAPostWithoutCommentsAsAnEmptyPage()
    {
        var quiet = await Client.CreatePostAsync(await Client.RegisterAsync());

        var page = await Client.GetJsonAsync(BlogClient.Href(quiet, "comments"));

        Assert.That(page["_embedded"]!["comments"]!.AsArray(), Is.Empty);
        Assert.That(page["totalItems"]!.GetValue<int>(), Is.Zero);
    }

    [TestCase("size=0", "size")]
    [TestCase("size=101", "size")]
    [TestCase("cursor=made-up", "cursor")]
    public async Task Returns400ForABadQuery(string query, string field)
    {
        using var response = await Client.Http.GetAsync($"{Comments}?{query}");

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]![field], Is.Not.Null, problem.ToJsonString());
    }

    [Test]
    public async Task Returns404ForAPostThatIsGone()
    {
        var user = await Client.RegisterAsync();
        var gone = await Client.CreatePostAsync(user);
        using (await Client.SendAsync(HttpMethod.Delete, BlogClient.Href(gone, "self"), user))
        {
        }

        using var response = await Client.Http.GetAsync(BlogClient.Href(gone, "comments"));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    private string Comments => BlogClient.Href(post, "comments");

    private static List<string> Ids(JsonNode page) =>
        page["_embedded"]!["comments"]!.AsArray().Select(comment => comment!["id"]!.GetValue<string>()).ToList();
}
