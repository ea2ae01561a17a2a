using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary><c>q</c> finds any substring of a title or body, without regard to case, as posts are written.</summary>
public sealed class SearchPosts(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task FindsEditedTextAndForgetsReplacedAndDeletedText()
    {
        var user = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(user, "Aardvark facts", "Before the edit");
        var self = BlogClient.Href(post, "self");

        using (await Client.SendAsync(HttpMethod.Put, self, user, BlogClient.Json("""{"title":"Zebra facts","body":"After the edit"}""")))
        {
        }

        Assert.That(await SearchAsync(user, "aardvark"), Is.Empty);
        Assert.That(await SearchAsync(user, "ZEBRA"), Has.Count.EqualTo(1));
        Assert.That(await SearchAsync(user, "after the"), Has.Count.EqualTo(1));

        using (await Client.SendAsync(HttpMethod.Delete, self, user))
        {
        }

        Assert.That(await SearchAsync(user, "zebra"), Is.Empty);
    }

    [TestCase("Ünïcödé", "üNÏCÖDÉ")]
    [TestCase("say \"hi\" now", "\"hi\"")]
    [TestCase("a AND b OR c", "AND b OR")]
    [TestCase("100% sure", "0% s")]
    [TestCase("x*y", "x*")]
    [TestCase("so happy 🙂🙂 today", "🙂🙂")]
    public async Task MatchesSubstringsLiterallyAndWithoutRegardToCase(string body, string q)
    {
        var user = await Client.RegisterAsync();
        await Client.CreatePostAsync(user, "Title", body);
        await Client.CreatePostAsync(user, "Other", "nothing to see");

        Assert.That(await SearchAsync(user, q), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task FindsOneAndTwoCharacterTexts()
    {
        var user = await Client.RegisterAsync();
        await Client.CreatePostAsync(user, "Q", "a body");
        await Client.CreatePostAsync(user, "Other", "xy");

        Assert.That(await SearchAsync(user, "q"), Has.Count.EqualTo(1));
        Assert.That(await SearchAsync(user, "XY"), Has.Count.EqualTo(1));
    }

    [TestCase("Ωμέγα", "ωΜ")]
    [TestCase("Ärger", "ä")]
    [TestCase("ÉCOLE", "éc")]
    public async Task FindsOneAndTwoCharacterNonAsciiTextsWithoutRegardToCase(string title, string q)
    {
        var user = await Client.RegisterAsync();
        await Client.CreatePostAsync(user, title, "a body");
        await Client.CreatePostAsync(user, "Other", "xy");

        Assert.That(await SearchAsync(user, q), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task RefusesSearchTextWithANul()
    {
        using var response = await Client.SendAsync(HttpMethod.Get, "/posts?q=" + Uri.EscapeDataString("bod\0"));

        var problem = await BlogClient.AssertProblemAsync(response, System.Net.HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["q"]![0]!.GetValue<string>(), Does.Contain("control characters"));
    }

    private async Task<List<JsonNode?>> SearchAsync(string author, string q)
    {
        var page = await Client.GetJsonAsync($"/posts?author={author}&q={Uri.EscapeDataString(q)}");
        var posts = page["_embedded"]!["posts"]!.AsArray().ToList();
        Assert.That(page["totalItems"]!.GetValue<int>(), Is.EqualTo(posts.Count));
        return posts;
    }
}
