using System.Net;
using System.Text.Json.Nodes;

namespace Blog.Tests.Integration;

public sealed class RegisterUser : IntegrationTest
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

public sealed class GetUser : IntegrationTest
{
    [Test]
    public async Task ReturnsTheAuthorWithLinksAndPostCountMatchedWithoutRegardToCase()
    {
        var username = await Client.RegisterAsync(BlogClient.UniqueName("Get"));
        await Client.CreatePostAsync(username);
        await Client.CreatePostAsync(username);

        var user = await Client.GetJsonAsync($"/users/{username.ToLowerInvariant()}");

        Assert.Multiple(() =>
        {
            Assert.That(user["username"]!.GetValue<string>(), Is.EqualTo(username));
            Assert.That(user["postCount"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(user["joinedDate"]!.GetValue<string>(), Does.EndWith("Z"));
            Assert.That(BlogClient.Href(user, "self"), Is.EqualTo($"http://localhost/users/{username}"));
            Assert.That(BlogClient.Href(user, "posts"), Is.EqualTo($"http://localhost/posts?author={username}"));
            Assert.That(user["password"], Is.Null);
            Assert.That(user["passwordHash"], Is.Null);
        });
    }

    [Test]
    public async Task PostsLinkListsTheirPosts()
    {
        var username = await Client.RegisterAsync();
        await Client.CreatePostAsync(username, "by them");

        var user = await Client.GetJsonAsync($"/users/{username}");
        var posts = await Client.GetJsonAsync(BlogClient.Href(user, "posts"));

        Assert.That(posts["_embedded"]!["posts"]!.AsArray().Select(p => p!["authorName"]!.GetValue<string>()), Is.All.EqualTo(username));
        Assert.That(posts["totalItems"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [TestCase("nobody-here")]
    [TestCase("%20")]
    [TestCase("%09")]
    public async Task Returns404ProblemForAnUnknownOrBlankUser(string username)
    {
        using var response = await Client.Http.GetAsync($"/users/{username}");

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }
}

public sealed class ListUsers : IntegrationTest
{
    [Test]
    public async Task EmbedsUsersPagedWithLinks()
    {
        for (var i = 0; i < 3; i++)
        {
            await Client.RegisterAsync();
        }

        var page = await Client.GetJsonAsync($"{await Client.RootLinkAsync("users")}?size=2");
        var next = await Client.GetJsonAsync(BlogClient.Href(page, "next"));

        Assert.Multiple(() =>
        {
            Assert.That(page["_embedded"]!["users"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(page["totalItems"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(3));
            Assert.That(next["_embedded"]!["users"]!.AsArray(), Is.Not.Empty);
            Assert.That(BlogClient.Href(next, "prev"), Does.Contain("size=2"));
        });
    }

    [Test]
    public async Task Returns400ForABadSize()
    {
        using var response = await Client.Http.GetAsync("/users?size=0");

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }
}

public sealed class GetMe : IntegrationTest
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
    public async Task Returns401WithAChallengeWhenAnonymous()
    {
        using var response = await Client.Http.GetAsync("/me");

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Basic realm=\"blog\", charset=\"UTF-8\""));
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
