using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration.Comments;

public sealed class GetComment(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task ReturnsTheCommentToAnyoneWithItsETagAndLastModified()
    {
        var post = await Client.CreatePostAsync(await Client.RegisterAsync());
        var created = await Client.CreateCommentAsync(await Client.RegisterAsync(), post, "Hello there");

        using var response = await Client.Http.GetAsync(BlogClient.Href(created, "self"));
        var comment = await BlogClient.ReadJsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.ETag?.IsWeak, Is.False);
            Assert.That(response.Content.Headers.LastModified, Is.Not.Null);
            Assert.That(comment.ToJsonString(), Is.EqualTo(created.ToJsonString()));
        });
    }

    [Test]
    public async Task Returns304ForTheCurrentETagAnd200OnceTheCommentChanged()
    {
        var user = await Client.RegisterAsync();
        var self = BlogClient.Href(await Client.CreateCommentAsync(user, await Client.CreatePostAsync(user)), "self");
        using var first = await Client.Http.GetAsync(self);

        using var unchanged = await Client.SendAsync(HttpMethod.Get, self, configure: r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));
        using (await Client.SendAsync(HttpMethod.Patch, self, user, BlogClient.Json("""{"body":"Edited"}""", "application/merge-patch+json")))
        {
        }

        using var changed = await Client.SendAsync(HttpMethod.Get, self, configure: r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));

        Assert.Multiple(async () =>
        {
            Assert.That(unchanged.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(await unchanged.Content.ReadAsStringAsync(), Is.Empty);
            Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(changed.Headers.ETag, Is.Not.EqualTo(first.Headers.ETag));
        });
    }

    [Test]
    public async Task Returns404ForACommentThatIsGone()
    {
        var user = await Client.RegisterAsync();
        var self = BlogClient.Href(await Client.CreateCommentAsync(user, await Client.CreatePostAsync(user)), "self");
        using (await Client.SendAsync(HttpMethod.Delete, self, user))
        {
        }

        using var response = await Client.Http.GetAsync(self);

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }
}
