using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class RevokeAccessToken(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task Returns204AndTheVeryNextRequestWithTheTokenIs401()
    {
        var user = await Client.RegisterAsync();
        var token = await Client.CreateTokenAsync(user, "read", "write");
        var secret = token["token"]!.GetValue<string>();
        var me = await Client.RootLinkAsync("me");
        using var before = await Client.SendAsync(HttpMethod.Get, me, configure: BlogClient.Bearer(secret));

        using var revoked = await Client.SendAsync(HttpMethod.Delete, BlogClient.Href(token, "self"), user);
        using var after = await Client.SendAsync(HttpMethod.Get, me, configure: BlogClient.Bearer(secret));
        using var listed = await Client.SendAsync(HttpMethod.Get, await Client.TokensLinkAsync(user), user);

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await revoked.Content.ReadAsStringAsync(), Is.Empty);
        var problem = await BlogClient.AssertProblemAsync(after, HttpStatusCode.Unauthorized);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("revoked"));
        Assert.That(BlogClient.Challenges(after), Is.EqualTo(new[] { BlogClient.BasicChallenge, BlogClient.InvalidTokenChallenge }));
        Assert.That((await BlogClient.ReadJsonAsync(listed))["totalItems"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task ATokenWithTheWriteScopeMayRevokeItself()
    {
        var user = await Client.RegisterAsync();
        var token = await Client.CreateTokenAsync(user, "write");
        var secret = token["token"]!.GetValue<string>();

        using var revoked = await Client.SendAsync(HttpMethod.Delete, BlogClient.Href(token, "self"), configure: BlogClient.Bearer(secret));
        using var after = await Client.SendAsync(HttpMethod.Get, await Client.RootLinkAsync("me"), configure: BlogClient.Bearer(secret));

        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await BlogClient.AssertProblemAsync(after, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Returns404ForAnotherUsersTokenWhichKeepsWorking()
    {
        var owner = await Client.RegisterAsync();
        var other = await Client.RegisterAsync();
        var token = await Client.CreateTokenAsync(owner, "read");

        using var response = await Client.SendAsync(HttpMethod.Delete, BlogClient.Href(token, "self"), other);
        using var stillWorks = await Client.SendAsync(HttpMethod.Get, await Client.RootLinkAsync("me"), configure: BlogClient.Bearer(token["token"]!.GetValue<string>()));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.That(stillWorks.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ASecondDeleteIs404()
    {
        var user = await Client.RegisterAsync();
        var self = BlogClient.Href(await Client.CreateTokenAsync(user, "read"), "self");

        using var first = await Client.SendAsync(HttpMethod.Delete, self, user);
        using var second = await Client.SendAsync(HttpMethod.Delete, self, user);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await BlogClient.AssertProblemAsync(second, HttpStatusCode.NotFound);
    }
}
