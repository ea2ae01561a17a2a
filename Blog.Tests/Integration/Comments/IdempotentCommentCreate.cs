using System.Net;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration.Comments;

public sealed class IdempotentCommentCreate(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task ARetryWithTheSameKeyReplaysTheFirstResponseAndCreatesNothing()
    {
        var user = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(user);
        var key = Guid.NewGuid().ToString();

        using var first = await Client.CreateCommentResponseAsync(user, post, "Once", Key(key));
        using var retry = await Client.CreateCommentResponseAsync(user, post, "Once", Key(key));

        Assert.Multiple(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(retry.Headers.Location, Is.EqualTo(first.Headers.Location));
            Assert.That(retry.Headers.ETag, Is.EqualTo(first.Headers.ETag));
            Assert.That(await retry.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
            Assert.That(retry.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
            Assert.That(first.Headers.Contains("Idempotent-Replayed"), Is.False);
        });
        Assert.That(await CommentCountAsync(post), Is.EqualTo(1));
    }

    [Test]
    public async Task TheSameKeyWithAnotherBodyIs422AndCreatesNothing()
    {
        var user = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(user);
        var key = Guid.NewGuid().ToString();
        using var first = await Client.CreateCommentResponseAsync(user, post, "One", Key(key));

        using var different = await Client.CreateCommentResponseAsync(user, post, "Two", Key(key));

        await BlogClient.AssertProblemAsync(different, HttpStatusCode.UnprocessableEntity);
        Assert.That(await CommentCountAsync(post), Is.EqualTo(1));
    }

    [Test]
    public async Task AKeyAlreadyUsedForAPostIs422()
    {
        var user = await Client.RegisterAsync();
        var key = Guid.NewGuid().ToString();
        using var created = await Client.CreatePostResponseAsync(user, "Hello", "World", Key(key));
        var post = await BlogClient.ReadJsonAsync(created);

        using var comment = await Client.CreateCommentResponseAsync(user, post, "World", Key(key));

        await BlogClient.AssertProblemAsync(comment, HttpStatusCode.UnprocessableEntity);
        Assert.That(await CommentCountAsync(post), Is.Zero);
    }

    [Test]
    public async Task KeysBelongToTheirUser()
    {
        var post = await Client.CreatePostAsync(await Client.RegisterAsync());
        var key = Guid.NewGuid().ToString();

        using var byAlice = await Client.CreateCommentResponseAsync(await Client.RegisterAsync(), post, "Same", Key(key));
        using var byBob = await Client.CreateCommentResponseAsync(await Client.RegisterAsync(), post, "Same", Key(key));

        Assert.That(byBob.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(byBob.Headers.Location, Is.Not.EqualTo(byAlice.Headers.Location));
        Assert.That(await CommentCountAsync(post), Is.EqualTo(2));
    }

    [Test]
    public async Task ConcurrentRequestsWithOneKeyCreateOneComment()
    {
        var user = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(user);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Client.CreateCommentResponseAsync(user, post, "Racing", Key(key))));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
        Assert.That(responses.Select(r => r.Headers.Location).Distinct().Count(), Is.EqualTo(1));
        Assert.That(await CommentCountAsync(post), Is.EqualTo(1));
    }

    private async Task<int> CommentCountAsync(JsonNode post) =>
        (await Client.GetJsonAsync(BlogClient.Href(post, "self")))["commentCount"]!.GetValue<int>();

    private static Action<HttpRequestMessage> Key(string key) => request => request.Headers.Add("Idempotency-Key", key);
}
