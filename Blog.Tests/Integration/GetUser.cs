using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class GetUser(DatabaseProvider provider) : IntegrationTest(provider)
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
