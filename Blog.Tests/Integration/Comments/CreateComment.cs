using System.Net;
using System.Text.Json;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration.Comments;

public sealed class CreateComment(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task Returns201WithLocationETagAndTheComment()
    {
        var commenter = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(await Client.RegisterAsync());

        using var response = await Client.CreateCommentResponseAsync(commenter, post, "Nice post!");
        var comment = await BlogClient.ReadJsonAsync(response);
        using var get = await Client.Http.GetAsync(response.Headers.Location);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/hal+json"));
            Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo($"/comments/{comment["id"]}"));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo(BlogClient.Href(comment, "self")));
            Assert.That(response.Headers.ETag, Is.Not.Null);
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(get.Headers.ETag, Is.EqualTo(response.Headers.ETag));
            Assert.That(comment["body"]!.GetValue<string>(), Is.EqualTo("Nice post!"));
            Assert.That(comment["authorName"]!.GetValue<string>(), Is.EqualTo(commenter));
            Assert.That(comment["postedDate"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"));
            Assert.That(comment["updatedDate"]!.GetValue<string>(), Is.EqualTo(comment["postedDate"]!.GetValue<string>()));
            Assert.That(BlogClient.Href(comment, "post"), Is.EqualTo(BlogClient.Href(post, "self")));
            Assert.That(BlogClient.Href(comment, "author"), Is.EqualTo($"http://localhost/users/{commenter}"));
        });
    }

    [Test]
    public async Task IgnoresMembersEchoedBackFromAGet()
    {
        var commenter = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(await Client.RegisterAsync());
        var echoed = """{"body":"Mine","authorName":"mallory","id":"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","postedDate":"2000-01-01T00:00:00.000Z","_links":{}}""";

        using var response = await Client.SendAsync(HttpMethod.Post, BlogClient.Href(post, "comments"), commenter, BlogClient.Json(echoed));
        var comment = await BlogClient.ReadJsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(comment["authorName"]!.GetValue<string>(), Is.EqualTo(commenter));
            Assert.That(comment["id"]!.GetValue<string>(), Is.Not.EqualTo("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));
            Assert.That(comment["postedDate"]!.GetValue<string>(), Does.Not.StartWith("2000"));
        });
    }

    [TestCase("{}")]
    [TestCase("""{"body":null}""")]
    [TestCase("""{"body":"   "}""")]
    [TestCase("""{"body":"bell\u0007"}""")]
    public async Task Returns400ForABodyThatBreaksARuleAndCreatesNothing(string json)
    {
        var user = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(user);

        using var response = await Client.SendAsync(HttpMethod.Post, BlogClient.Href(post, "comments"), user, BlogClient.Json(json));

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["body"], Is.Not.Null, problem.ToJsonString());
        Assert.That((await Client.GetJsonAsync(BlogClient.Href(post, "comments")))["totalItems"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task TakesUpTo10000Characters()
    {
        var user = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(user);

        using var longest = await Client.CreateCommentResponseAsync(user, post, new string('b', 10_000));
        using var tooLong = await Client.CreateCommentResponseAsync(user, post, new string('b', 10_001));

        Assert.That(longest.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var problem = await BlogClient.AssertProblemAsync(tooLong, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["body"]![0]!.GetValue<string>(), Is.EqualTo("The body must be at most 10,000 characters."));
    }

    [Test]
    public async Task Returns401WithoutCredentials()
    {
        var post = await Client.CreatePostAsync(await Client.RegisterAsync());

        using var response = await Client.CreateCommentResponseAsync(null, post);

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(BlogClient.Challenges(response), Does.Contain(BlogClient.BasicChallenge));
    }

    [TestCase("text/plain")]
    [TestCase("application/merge-patch+json")]
    public async Task Returns415ForAnotherContentType(string mediaType)
    {
        var user = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(user);

        using var response = await Client.SendAsync(
            HttpMethod.Post, BlogClient.Href(post, "comments"), user, BlogClient.Json(JsonSerializer.Serialize(new { body = "x" }), mediaType));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Returns404ForAPostThatIsGone()
    {
        var user = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(user);
        using (await Client.SendAsync(HttpMethod.Delete, BlogClient.Href(post, "self"), user))
        {
        }

        using var response = await Client.CreateCommentResponseAsync(user, post);

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }
}
