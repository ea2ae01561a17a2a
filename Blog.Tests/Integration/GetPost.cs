using System.Net;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class GetPost(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task ReturnsThePostWithETagAndLastModified()
    {
        var created = await Client.CreatePostAsync(await Client.RegisterAsync(), "Title", "Body");

        using var response = await Client.Http.GetAsync(BlogClient.Href(created, "self"));
        var post = await BlogClient.ReadJsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.ETag?.IsWeak, Is.False);
            Assert.That(response.Content.Headers.LastModified, Is.Not.Null);
            Assert.That(JsonNode.DeepEquals(post, created), Is.True);
        });
    }

    [Test]
    public async Task Returns404ProblemForAnUnknownId()
    {
        using var response = await Client.Http.GetAsync($"/posts/{Guid.CreateVersion7()}");

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [TestCase("not-a-guid")]
    [TestCase("12345")]
    public async Task Returns404ProblemForAMalformedId(string id)
    {
        using var response = await Client.Http.GetAsync($"/posts/{id}");

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Returns401ForWrongCredentialsEvenOnARead()
    {
        var user = await Client.RegisterAsync();

        using var response = await Client.SendAsync(HttpMethod.Get, "/posts", configure: r => r.Headers.Authorization = BlogClient.Basic(user, "wrong password"));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(response.Headers.WwwAuthenticate, Is.Not.Empty);
    }

    /// <summary>A name no user can have, with a character PostgreSQL refuses in any text, is simply nobody's.</summary>
    [Test]
    public async Task Returns401ForAUsernameWithANulCharacter()
    {
        using var response = await Client.SendAsync(HttpMethod.Get, "/posts", configure: r => r.Headers.Authorization = BlogClient.Basic("nul\0name", "any password"));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
