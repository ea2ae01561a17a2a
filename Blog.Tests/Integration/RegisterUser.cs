using System.Net;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class RegisterUser(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task Returns201WithLocationAndNoPassword()
    {
        var username = BlogClient.UniqueName("Rick");

        using var response = await Client.Http.PostAsync("/users", BlogClient.Json($$"""{"username":"{{username}}","password":"{{BlogClient.Password}}","displayName":"Rick S"}"""));
        var text = await response.Content.ReadAsStringAsync();
        var user = JsonNode.Parse(text)!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"http://localhost/users/{username}"));
            Assert.That(user["username"]!.GetValue<string>(), Is.EqualTo(username), "kept as written");
            Assert.That(user["displayName"]!.GetValue<string>(), Is.EqualTo("Rick S"));
            Assert.That(user["postCount"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(text, Does.Not.Contain(BlogClient.Password).And.Not.Contain("AQAAAA"), "neither the password nor a hash");
        });
    }

    [Test]
    public async Task Returns409ForANameTakenInAnyCase()
    {
        var username = await Client.RegisterAsync(BlogClient.UniqueName("case"));

        using var response = await Client.Http.PostAsync("/users", BlogClient.Json($$"""{"username":"{{username.ToUpperInvariant()}}","password":"another password"}"""));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Test]
    public async Task ConcurrentRegistrationsOfOneNameCreateOneUser()
    {
        var username = BlogClient.UniqueName("race");
        var attempts = Enumerable.Range(0, 8).Select(i => Client.Http.PostAsync(
            "/users", BlogClient.Json($$"""{"username":"{{(i % 2 == 0 ? username : username.ToUpperInvariant())}}","password":"{{BlogClient.Password}}"}""")));

        var responses = await Task.WhenAll(attempts);

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(7));
    }

    [TestCase("""{"username":"ab","password":"long enough"}""", "username")]
    [TestCase("""{"username":"has space","password":"long enough"}""", "username")]
    [TestCase("""{"username":"ünicode","password":"long enough"}""", "username")]
    [TestCase("""{"username":"abcdefghijklmnopqrstuvwxyz0123456","password":"long enough"}""", "username")]
    [TestCase("""{"password":"long enough"}""", "username")]
    [TestCase("""{"username":"valid_name","password":"short"}""", "password")]
    [TestCase("""{"username":"valid_name"}""", "password")]
    public async Task Returns400WithFieldErrors(string json, string field)
    {
        using var response = await Client.Http.PostAsync("/users", BlogClient.Json(json));

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]![field], Is.Not.Null, problem.ToJsonString());
        Assert.That(problem.ToJsonString(), Does.Not.Contain("long enough"), "a password is never echoed");
    }

    [Test]
    public async Task Returns400ForADisplayNameOver100Characters()
    {
        using var response = await Client.Http.PostAsync("/users", BlogClient.Json($$"""{"username":"{{BlogClient.UniqueName()}}","password":"long enough","displayName":"{{new string('d', 101)}}"}"""));

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["displayName"], Is.Not.Null);
    }
}
