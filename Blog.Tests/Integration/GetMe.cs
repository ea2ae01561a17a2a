using System.Net;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class GetMe(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task ReturnsTheSignedInUserWithAProfileLink()
    {
        var username = await Client.RegisterAsync();

        using var response = await Client.SendAsync(HttpMethod.Get, await Client.RootLinkAsync("me"), username);
        var text = await response.Content.ReadAsStringAsync();
        var me = JsonNode.Parse(text)!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(me["username"]!.GetValue<string>(), Is.EqualTo(username));
            Assert.That(BlogClient.Href(me, "profile"), Is.EqualTo($"http://localhost/users/{username}"));
            Assert.That(BlogClient.Href(me, "self"), Is.EqualTo("http://localhost/me"));
            Assert.That(text, Does.Not.Contain(BlogClient.Password));
        });
    }

    [Test]
    public async Task SignsInWithoutRegardToTheUsernamesCase()
    {
        var username = await Client.RegisterAsync(BlogClient.UniqueName("Mixed"));

        using var response = await Client.SendAsync(HttpMethod.Get, "/me", configure: r => r.Headers.Authorization = BlogClient.Basic(username.ToUpperInvariant(), BlogClient.Password));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Returns401WithBothChallengesWhenAnonymous()
    {
        using var response = await Client.Http.GetAsync("/me");

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(BlogClient.Challenges(response), Is.EqualTo(new[] { BlogClient.BasicChallenge, BlogClient.BearerChallenge }));
    }

    [TestCase("Basic not-base64!")]
    [TestCase("Basic bm9jb2xvbg==")]
    [TestCase("Bearer abc")]
    public async Task Returns401ForMalformedCredentials(string header)
    {
        using var response = await Client.SendAsync(HttpMethod.Get, "/me", configure: r => r.Headers.TryAddWithoutValidation("Authorization", header));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task AnUnknownUserAndAWrongPasswordGetTheSameAnswer()
    {
        var username = await Client.RegisterAsync();

        using var wrongPassword = await Client.SendAsync(HttpMethod.Get, "/me", configure: r => r.Headers.Authorization = BlogClient.Basic(username, "wrong password"));
        using var unknownUser = await Client.SendAsync(HttpMethod.Get, "/me", configure: r => r.Headers.Authorization = BlogClient.Basic("nobody-" + username, "wrong password"));

        var first = await BlogClient.AssertProblemAsync(wrongPassword, HttpStatusCode.Unauthorized);
        var second = await BlogClient.AssertProblemAsync(unknownUser, HttpStatusCode.Unauthorized);
        Assert.That(first["detail"]!.GetValue<string>(), Is.EqualTo(second["detail"]!.GetValue<string>()));
        Assert.That(first["title"]!.GetValue<string>(), Is.EqualTo(second["title"]!.GetValue<string>()));
    }
}
