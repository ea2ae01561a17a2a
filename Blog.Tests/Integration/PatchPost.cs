using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class PatchPost(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string MergePatch = "application/merge-patch+json";

    [Test]
    public async Task ChangesOnlyTheMembersSentAndIgnoresUnknownOnes()
    {
        var user = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(user, "Old title", "Kept body");

        using var response = await Client.SendAsync(HttpMethod.Patch, BlogClient.Href(post, "self"), user, BlogClient.Json("""{"title":"New title","authorName":"mallory","whatever":1}""", MergePatch));
        var patched = await BlogClient.ReadJsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.ETag, Is.Not.Null);
            Assert.That(patched["title"]!.GetValue<string>(), Is.EqualTo("New title"));
            Assert.That(patched["body"]!.GetValue<string>(), Is.EqualTo("Kept body"));
            Assert.That(patched["authorName"]!.GetValue<string>(), Is.EqualTo(user));
        });
    }

    [TestCase("""{"title":null}""", "title")]
    [TestCase("""{"body":null}""", "body")]
    [TestCase("""{"title":"   "}""", "title")]
    public async Task Returns400ForNullOrBlankMembersAndChangesNothing(string json, string field)
    {
        var user = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(user, "Title", "Body");

        using var response = await Client.SendAsync(HttpMethod.Patch, BlogClient.Href(post, "self"), user, BlogClient.Json(json, MergePatch));

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]![field], Is.Not.Null, problem.ToJsonString());
        Assert.That((await Client.GetJsonAsync(BlogClient.Href(post, "self")))["title"]!.GetValue<string>(), Is.EqualTo("Title"));
    }

    [TestCase("[]")]
    [TestCase("\"title\"")]
    public async Task Returns400ForAPatchThatIsNotAnObject(string json)
    {
        var user = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(user);

        using var response = await Client.SendAsync(HttpMethod.Patch, BlogClient.Href(post, "self"), user, BlogClient.Json(json, MergePatch));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestCase("application/json")]
    [TestCase("application/json-patch+json")]
    [TestCase("text/plain")]
    public async Task Returns415ForAnyOtherContentType(string mediaType)
    {
        var user = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(user);

        using var response = await Client.SendAsync(HttpMethod.Patch, BlogClient.Href(post, "self"), user, BlogClient.Json("""{"title":"x"}""", mediaType));

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.That(problem["detail"]!.GetValue<string>(), Is.EqualTo("Send the body as application/merge-patch+json, in UTF-8."));
    }

    [Test]
    public async Task Returns403ForAnotherUser()
    {
        var post = await Client.CreatePostAsync(await Client.RegisterAsync());

        using var response = await Client.SendAsync(HttpMethod.Patch, BlogClient.Href(post, "self"), await Client.RegisterAsync(), BlogClient.Json("""{"title":"x"}""", MergePatch));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }
}
