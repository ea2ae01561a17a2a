using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class ReplacePost(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task ReturnsTheNewRepresentationAndANewETag()
    {
        var user = await Client.RegisterAsync();
        using var created = await Client.CreatePostResponseAsync(user, "Old", "Old body");
        var self = created.Headers.Location!.ToString();

        using var response = await Client.SendAsync(HttpMethod.Put, self, user, BlogClient.Json("""{"title":"New","body":"New body"}"""));
        var post = await BlogClient.ReadJsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(post["title"]!.GetValue<string>(), Is.EqualTo("New"));
            Assert.That(post["body"]!.GetValue<string>(), Is.EqualTo("New body"));
            Assert.That(response.Headers.ETag, Is.Not.EqualTo(created.Headers.ETag));
        });
        var fetched = await Client.GetJsonAsync(self);
        Assert.That(fetched["title"]!.GetValue<string>(), Is.EqualTo("New"));
    }

    [Test]
    public async Task Returns403ProblemForAnotherUserAndChangesNothing()
    {
        var author = await Client.RegisterAsync();
        var other = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(author, "Mine", "Mine");

        using var response = await Client.SendAsync(HttpMethod.Put, BlogClient.Href(post, "self"), other, BlogClient.Json("""{"title":"Theirs","body":"Theirs"}"""));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.That((await Client.GetJsonAsync(BlogClient.Href(post, "self")))["title"]!.GetValue<string>(), Is.EqualTo("Mine"));
    }

    [Test]
    public async Task Returns400WhenAFieldIsMissing()
    {
        var user = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(user);

        using var response = await Client.SendAsync(HttpMethod.Put, BlogClient.Href(post, "self"), user, BlogClient.Json("""{"title":"Only title"}"""));

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["body"], Is.Not.Null);
    }

    [Test]
    public async Task Returns404ForAnUnknownPost()
    {
        var user = await Client.RegisterAsync();

        using var response = await Client.SendAsync(HttpMethod.Put, $"/posts/{Guid.CreateVersion7()}", user, BlogClient.Json("""{"title":"T","body":"B"}"""));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Returns415WithoutAJsonContentType()
    {
        var user = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(user);

        using var response = await Client.SendAsync(HttpMethod.Put, BlogClient.Href(post, "self"), user, BlogClient.Json("title=T", "application/x-www-form-urlencoded"));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Returns401WithoutCredentials()
    {
        var post = await Client.CreatePostAsync(await Client.RegisterAsync());

        using var response = await Client.SendAsync(HttpMethod.Put, BlogClient.Href(post, "self"), content: BlogClient.Json("""{"title":"T","body":"B"}"""));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
