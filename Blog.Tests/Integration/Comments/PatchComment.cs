using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration.Comments;

public sealed class PatchComment(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string MergePatch = "application/merge-patch+json";

    [Test]
    public async Task ChangesTheBodyGivenItsAuthorAndIgnoresOtherMembers()
    {
        var commenter = await Client.RegisterAsync();
        var comment = await Client.CreateCommentAsync(commenter, await Client.CreatePostAsync(await Client.RegisterAsync()), "Before");

        using var response = await PatchAsync(comment, commenter, """{"body":"After","authorName":"mallory","whatever":1}""");
        var patched = await BlogClient.ReadJsonAsync(response);
        using var get = await Client.Http.GetAsync(BlogClient.Href(comment, "self"));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(patched["body"]!.GetValue<string>(), Is.EqualTo("After"));
            Assert.That(patched["authorName"]!.GetValue<string>(), Is.EqualTo(commenter));
            Assert.That(patched["postedDate"]!.GetValue<string>(), Is.EqualTo(comment["postedDate"]!.GetValue<string>()));
            Assert.That(response.Headers.ETag, Is.Not.Null);
            Assert.That(get.Headers.ETag, Is.EqualTo(response.Headers.ETag));
        });
    }

    [Test]
    public async Task AppliesGivenTheCurrentIfMatchAndRefusesAStaleOneWith412()
    {
        var user = await Client.RegisterAsync();
        var comment = await Client.CreateCommentAsync(user, await Client.CreatePostAsync(user), "Before");
        var original = await CurrentETagAsync(comment);

        using var current = await PatchAsync(comment, user, """{"body":"Second"}""", IfMatch(original));
        using var stale = await PatchAsync(comment, user, """{"body":"Third"}""", IfMatch(original));

        Assert.That(current.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await BlogClient.AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.That(await BodyAsync(comment), Is.EqualTo("Second"));
    }

    [Test]
    public async Task Returns403ForThePostsAuthorAndForAnyoneElse()
    {
        var author = await Client.RegisterAsync();
        var comment = await Client.CreateCommentAsync(await Client.RegisterAsync(), await Client.CreatePostAsync(author), "Mine");

        using var byPostAuthor = await PatchAsync(comment, author, """{"body":"Yours"}""");
        using var byStranger = await PatchAsync(comment, await Client.RegisterAsync(), """{"body":"Yours"}""");

        await BlogClient.AssertProblemAsync(byPostAuthor, HttpStatusCode.Forbidden);
        await BlogClient.AssertProblemAsync(byStranger, HttpStatusCode.Forbidden);
        Assert.That(await BodyAsync(comment), Is.EqualTo("Mine"));
    }

    [TestCase("""{"body":null}""")]
    [TestCase("""{"body":"  "}""")]
    [TestCase("""{"body":"nul\u0000"}""")]
    public async Task Returns400ForABodyThatBreaksARule(string json)
    {
        var user = await Client.RegisterAsync();
        var comment = await Client.CreateCommentAsync(user, await Client.CreatePostAsync(user), "Kept");

        using var response = await PatchAsync(comment, user, json);

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["body"], Is.Not.Null, problem.ToJsonString());
        Assert.That(await BodyAsync(comment), Is.EqualTo("Kept"));
    }

    [TestCase("null")]
    [TestCase("[]")]
    [TestCase("\"body\"")]
    public async Task Returns400ForAPatchThatIsNotAnObject(string json)
    {
        var user = await Client.RegisterAsync();
        var comment = await Client.CreateCommentAsync(user, await Client.CreatePostAsync(user), "Kept");

        using var response = await PatchAsync(comment, user, json);

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(await BodyAsync(comment), Is.EqualTo("Kept"));
    }

    [TestCase("application/json")]
    [TestCase("application/json-patch+json")]
    [TestCase("text/plain")]
    public async Task Returns415ForAnyOtherContentType(string mediaType)
    {
        var user = await Client.RegisterAsync();
        var comment = await Client.CreateCommentAsync(user, await Client.CreatePostAsync(user));

        using var response = await Client.SendAsync(HttpMethod.Patch, BlogClient.Href(comment, "self"), user, BlogClient.Json("""{"body":"x"}""", mediaType));

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.That(problem["detail"]!.GetValue<string>(), Is.EqualTo("Send the body as application/merge-patch+json, in UTF-8."));
    }

    [Test]
    public async Task Returns401WithoutCredentials()
    {
        var user = await Client.RegisterAsync();
        var comment = await Client.CreateCommentAsync(user, await Client.CreatePostAsync(user));

        using var response = await Client.SendAsync(HttpMethod.Patch, BlogClient.Href(comment, "self"), content: BlogClient.Json("""{"body":"x"}""", MergePatch));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    private Task<HttpResponseMessage> PatchAsync(JsonNode comment, string user, string json, Action<HttpRequestMessage>? configure = null) =>
        Client.SendAsync(HttpMethod.Patch, BlogClient.Href(comment, "self"), user, BlogClient.Json(json, MergePatch), configure);

    private async Task<string> BodyAsync(JsonNode comment) =>
        (await Client.GetJsonAsync(BlogClient.Href(comment, "self")))["body"]!.GetValue<string>();

    private async Task<EntityTagHeaderValue> CurrentETagAsync(JsonNode comment)
    {
        using var response = await Client.Http.GetAsync(BlogClient.Href(comment, "self"));
        return response.Headers.ETag!;
    }

    private static Action<HttpRequestMessage> IfMatch(EntityTagHeaderValue tag) => request => request.Headers.IfMatch.Add(tag);
}
