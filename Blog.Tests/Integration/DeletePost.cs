using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class DeletePost(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task Returns204ThenTheSecondDeleteIs404()
    {
        var user = await Client.RegisterAsync();
        var self = BlogClient.Href(await Client.CreatePostAsync(user), "self");

        using var first = await Client.SendAsync(HttpMethod.Delete, self, user);
        using var second = await Client.SendAsync(HttpMethod.Delete, self, user);
        using var get = await Client.Http.GetAsync(self);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await first.Content.ReadAsStringAsync(), Is.Empty);
        await BlogClient.AssertProblemAsync(second, HttpStatusCode.NotFound);
        await BlogClient.AssertProblemAsync(get, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Returns403ProblemForAnotherUserAndKeepsThePost()
    {
        var author = await Client.RegisterAsync();
        var other = await Client.RegisterAsync();
        var self = BlogClient.Href(await Client.CreatePostAsync(author), "self");

        using var response = await Client.SendAsync(HttpMethod.Delete, self, other);

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        using var get = await Client.Http.GetAsync(self);
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Returns401WithoutCredentials()
    {
        var self = BlogClient.Href(await Client.CreatePostAsync(await Client.RegisterAsync()), "self");

        using var response = await Client.SendAsync(HttpMethod.Delete, self);

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
