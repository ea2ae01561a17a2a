using System.Net;
using Blog.Domain.Tokens;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary><c>Authorization: Bearer blog_…</c>, wherever Basic works.</summary>
public sealed class SignInWithAccessToken(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task ReadsAsTheTokensOwner()
    {
        var user = await Client.RegisterAsync();
        var secret = await Client.CreateTokenSecretAsync(user, "read");

        using var response = await Client.SendAsync(HttpMethod.Get, await Client.RootLinkAsync("me"), configure: BlogClient.Bearer(secret));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await BlogClient.ReadJsonAsync(response))["username"]!.GetValue<string>(), Is.EqualTo(user));
    }

    [Test]
    public async Task TakesTheSchemeNameInAnyCase()
    {
        var user = await Client.RegisterAsync();
        var secret = await Client.CreateTokenSecretAsync(user, "read");

        using var response = await Client.SendAsync(
            HttpMethod.Get, await Client.RootLinkAsync("me"), configure: r => r.Headers.TryAddWithoutValidation("Authorization", $"bearer {secret}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task WritesAsTheOwnerWithTheWriteScope()
    {
        var user = await Client.RegisterAsync();
        var secret = await Client.CreateTokenSecretAsync(user, "write");
        var posts = await Client.RootLinkAsync("posts");

        using var created = await Client.SendAsync(HttpMethod.Post, posts, content: BlogClient.Json("""{"title":"By token","body":"b"}"""), configure: BlogClient.Bearer(secret));
        var post = await BlogClient.ReadJsonAsync(created);
        using var patched = await Client.SendAsync(
            HttpMethod.Patch, BlogClient.Href(post, "self"), content: BlogClient.Json("""{"title":"Patched"}""", "application/merge-patch+json"), configure: BlogClient.Bearer(secret));
        using var deleted = await Client.SendAsync(HttpMethod.Delete, BlogClient.Href(post, "self"), configure: BlogClient.Bearer(secret));

        Assert.Multiple(() =>
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(post["authorName"]!.GetValue<string>(), Is.EqualTo(user));
            Assert.That(patched.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        });
    }

    [Test]
    public async Task Returns403ProblemForEveryWriteWithAReadToken()
    {
        var user = await Client.RegisterAsync();
        var secret = await Client.CreateTokenSecretAsync(user, "read");
        var post = await Client.CreatePostAsync(user, "Mine");
        var self = BlogClient.Href(post, "self");

        using var create = await Client.SendAsync(HttpMethod.Post, await Client.RootLinkAsync("posts"), content: BlogClient.Json("""{"title":"t","body":"b"}"""), configure: BlogClient.Bearer(secret));
        using var replace = await Client.SendAsync(HttpMethod.Put, self, content: BlogClient.Json("""{"title":"t","body":"b"}"""), configure: BlogClient.Bearer(secret));
        using var delete = await Client.SendAsync(HttpMethod.Delete, self, configure: BlogClient.Bearer(secret));

        foreach (var response in new[] { create, replace, delete })
        {
            var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("'write' scope"));
        }

        Assert.That((await Client.GetJsonAsync(self))["title"]!.GetValue<string>(), Is.EqualTo("Mine"));
    }

    [Test]
    public async Task Returns403ForAnotherUsersPost()
    {
        var author = await Client.RegisterAsync();
        var other = await Client.RegisterAsync();
        var self = BlogClient.Href(await Client.CreatePostAsync(author, "Theirs"), "self");
        var secret = await Client.CreateTokenSecretAsync(other, "read", "write");

        using var replace = await Client.SendAsync(HttpMethod.Put, self, content: BlogClient.Json("""{"title":"Mine now","body":"b"}"""), configure: BlogClient.Bearer(secret));
        using var delete = await Client.SendAsync(HttpMethod.Delete, self, configure: BlogClient.Bearer(secret));

        await BlogClient.AssertProblemAsync(replace, HttpStatusCode.Forbidden);
        await BlogClient.AssertProblemAsync(delete, HttpStatusCode.Forbidden);
        Assert.That((await Client.GetJsonAsync(self))["title"]!.GetValue<string>(), Is.EqualTo("Theirs"));
    }

    [Test]
    public async Task Returns401WithBothChallengesForAnUnknownToken()
    {
        using var response = await Client.SendAsync(HttpMethod.Get, await Client.RootLinkAsync("me"), configure: BlogClient.Bearer(AccessTokenSecret.Generate()));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(BlogClient.Challenges(response), Is.EqualTo(new[] { BlogClient.BasicChallenge, BlogClient.InvalidTokenChallenge }));
    }

    [TestCase("Bearer")]
    [TestCase("Bearer abc")]
    [TestCase("Bearer blog_")]
    public async Task Returns401WithBothChallengesForAMalformedToken(string header)
    {
        using var response = await Client.SendAsync(HttpMethod.Get, await Client.RootLinkAsync("me"), configure: r => r.Headers.TryAddWithoutValidation("Authorization", header));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(BlogClient.Challenges(response), Is.EqualTo(new[] { BlogClient.BasicChallenge, BlogClient.InvalidTokenChallenge }));
    }

    [Test]
    public async Task Returns401ForAnUnknownTokenEvenOnARead()
    {
        using var response = await Client.SendAsync(HttpMethod.Get, await Client.RootLinkAsync("posts"), configure: BlogClient.Bearer(AccessTokenSecret.Generate()));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task RecordsWhenTheTokenWasUsed()
    {
        var user = await Client.RegisterAsync();
        var token = await Client.CreateTokenAsync(user, "read");

        using var used = await Client.SendAsync(HttpMethod.Get, await Client.RootLinkAsync("me"), configure: BlogClient.Bearer(token["token"]!.GetValue<string>()));
        using var after = await Client.SendAsync(HttpMethod.Get, BlogClient.Href(token, "self"), user);
        var lastUsed = (await BlogClient.ReadJsonAsync(after))["lastUsedDate"];

        Assert.That(token["lastUsedDate"], Is.Null);
        Assert.That(lastUsed?.GetValue<DateTime>(), Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
    }
}
