using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class CreateAccessToken(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string ValidBody = """{"name":"deploy script","scopes":["read","write"],"expiresInDays":30}""";

    [Test]
    public async Task Returns201WithLocationAndTheSecretThisOnce()
    {
        var user = await Client.RegisterAsync();

        using var response = await Client.SendAsync(HttpMethod.Post, await Client.TokensLinkAsync(user), user, BlogClient.Json(ValidBody));
        var created = await BlogClient.ReadJsonAsync(response);
        var secret = created["token"]?.GetValue<string>();
        using var again = await Client.SendAsync(HttpMethod.Get, response.Headers.Location!.ToString(), user);
        var readAgain = await again.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(secret, Does.Match("^blog_[A-Za-z0-9_-]{43}$"));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"http://localhost/me/tokens/{created["id"]}"));
            Assert.That(BlogClient.Href(created, "self"), Is.EqualTo(response.Headers.Location?.ToString()));
            Assert.That(created["name"]!.GetValue<string>(), Is.EqualTo("deploy script"));
            Assert.That(created["scopes"]!.AsArray().Select(scope => scope!.GetValue<string>()), Is.EqualTo(new[] { "read", "write" }));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(readAgain, Does.Not.Contain(secret!).And.Not.Contain("\"token\""));
        });
    }

    [TestCase("""{}""", "name")]
    [TestCase("""{"name":"  ","scopes":["read"],"expiresInDays":30}""", "name")]
    [TestCase("""{"name":"ci","expiresInDays":30}""", "scopes")]
    [TestCase("""{"name":"ci","scopes":[],"expiresInDays":30}""", "scopes")]
    [TestCase("""{"name":"ci","scopes":["read","read"],"expiresInDays":30}""", "scopes")]
    [TestCase("""{"name":"ci","scopes":["admin"],"expiresInDays":30}""", "scopes[0]")]
    [TestCase("""{"name":"ci","scopes":"read","expiresInDays":30}""", "scopes")]
    [TestCase("""{"name":"ci","scopes":["read"]}""", "expiresInDays")]
    [TestCase("""{"name":"ci","scopes":["read"],"expiresInDays":0}""", "expiresInDays")]
    [TestCase("""{"name":"ci","scopes":["read"],"expiresInDays":366}""", "expiresInDays")]
    [TestCase("""{"name":"ci","scopes":["read"],"expiresInDays":"soon"}""", "expiresInDays")]
    [TestCase("""["read"]""", "$")]
    public async Task Returns400WithFieldErrorsForAMalformedBody(string body, string field)
    {
        var user = await Client.RegisterAsync();

        using var response = await Client.SendAsync(HttpMethod.Post, await Client.TokensLinkAsync(user), user, BlogClient.Json(body));

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]?.AsObject().Select(error => error.Key), Does.Contain(field), problem.ToJsonString());
        Assert.That(await TokenCountAsync(user), Is.Zero);
    }

    [TestCase("read")]
    [TestCase("write")]
    public async Task Returns403ProblemWhenSignedInWithAToken(string scope)
    {
        var user = await Client.RegisterAsync();
        var secret = await Client.CreateTokenSecretAsync(user, scope);

        using var response = await Client.SendAsync(
            HttpMethod.Post, await Client.TokensLinkAsync(user), content: BlogClient.Json(ValidBody), configure: BlogClient.Bearer(secret));

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("created with a password"));
        Assert.That(await TokenCountAsync(user), Is.EqualTo(1));
    }

    [Test]
    public async Task Returns401WithBothChallengesWithoutCredentials()
    {
        var user = await Client.RegisterAsync();

        using var response = await Client.SendAsync(HttpMethod.Post, await Client.TokensLinkAsync(user), content: BlogClient.Json(ValidBody));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(BlogClient.Challenges(response), Is.EqualTo(new[] { BlogClient.BasicChallenge, BlogClient.BearerChallenge }));
    }

    private async Task<int> TokenCountAsync(string user)
    {
        using var response = await Client.SendAsync(HttpMethod.Get, await Client.TokensLinkAsync(user), user);
        return (await BlogClient.ReadJsonAsync(response))["totalItems"]!.GetValue<int>();
    }
}
