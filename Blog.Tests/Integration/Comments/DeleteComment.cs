using System.Net;
using System.Net.Http.Headers;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration.Comments;

public sealed class DeleteComment(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task Returns204GivenItsAuthorThenTheSecondDeleteIs404()
    {
        var commenter = await Client.RegisterAsync();
        var self = BlogClient.Href(await Client.CreateCommentAsync(commenter, await Client.CreatePostAsync(await Client.RegisterAsync())), "self");

        using var first = await Client.SendAsync(HttpMethod.Delete, self, commenter);
        using var second = await Client.SendAsync(HttpMethod.Delete, self, commenter);
        using var get = await Client.Http.GetAsync(self);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await first.Content.ReadAsStringAsync(), Is.Empty);
        await BlogClient.AssertProblemAsync(second, HttpStatusCode.NotFound);
        await BlogClient.AssertProblemAsync(get, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Returns204GivenThePostsAuthorForAnotherUsersComment()
    {
        var author = await Client.RegisterAsync();
        var self = BlogClient.Href(await Client.CreateCommentAsync(await Client.RegisterAsync(), await Client.CreatePostAsync(author)), "self");

        using var response = await Client.SendAsync(HttpMethod.Delete, self, author);
        using var get = await Client.Http.GetAsync(self);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Returns403ForAnyoneElseAndKeepsTheComment()
    {
        var self = BlogClient.Href(
            await Client.CreateCommentAsync(await Client.RegisterAsync(), await Client.CreatePostAsync(await Client.RegisterAsync())), "self");

        using var response = await Client.SendAsync(HttpMethod.Delete, self, await Client.RegisterAsync());
        using var get = await Client.Http.GetAsync(self);

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Returns412ForAStaleIfMatchAndDeletesGivenTheCurrentOne()
    {
        var user = await Client.RegisterAsync();
        var self = BlogClient.Href(await Client.CreateCommentAsync(user, await Client.CreatePostAsync(user)), "self");
        EntityTagHeaderValue original;
        using (var get = await Client.Http.GetAsync(self))
        {
            original = get.Headers.ETag!;
        }

        using (await Client.SendAsync(HttpMethod.Patch, self, user, BlogClient.Json("""{"body":"Edited"}""", "application/merge-patch+json")))
        {
        }

        using var stale = await Client.SendAsync(HttpMethod.Delete, self, user, configure: r => r.Headers.IfMatch.Add(original));
        using var kept = await Client.Http.GetAsync(self);
        using var current = await Client.SendAsync(HttpMethod.Delete, self, user, configure: r => r.Headers.IfMatch.Add(kept.Headers.ETag!));

        await BlogClient.AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.That(kept.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(current.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task ConcurrentDeletesOfOneCommentDeleteAndUncountItOnce()
    {
        var user = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(user);
        var self = BlogClient.Href(await Client.CreateCommentAsync(user, post), "self");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Client.SendAsync(HttpMethod.Delete, self, user)));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.NoContent), Is.EqualTo(1));
        Assert.That(responses.Select(r => r.StatusCode), Is.All.AnyOf(HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.Conflict));
        Assert.That((await Client.GetJsonAsync(BlogClient.Href(post, "self")))["commentCount"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task Returns401WithoutCredentials()
    {
        var user = await Client.RegisterAsync();
        var self = BlogClient.Href(await Client.CreateCommentAsync(user, await Client.CreatePostAsync(user)), "self");

        using var response = await Client.SendAsync(HttpMethod.Delete, self);

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
