using System.Net;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary>The tour a client of the original tutorial API takes, following links only.</summary>
public sealed class Walkthrough(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task StartsAtRootCreatesFollowsListsAndDeletesByLinks()
    {
        var user = await Client.RegisterAsync();
        var postsHref = await Client.RootLinkAsync("posts");

        using var created = await Client.CreatePostResponseAsync(user, "First!", "First post!");
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var location = created.Headers.Location!.ToString();

        var post = await Client.GetJsonAsync(location);
        Assert.That(post["title"]!.GetValue<string>(), Is.EqualTo("First!"));

        var listed = await Client.GetJsonAsync(postsHref);
        Assert.That(Ids(listed), Does.Contain(post["id"]!.GetValue<string>()));

        using var deleted = await Client.SendAsync(HttpMethod.Delete, BlogClient.Href(post, "self"), user);
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var after = await Client.GetJsonAsync(postsHref);
        Assert.That(Ids(after), Does.Not.Contain(post["id"]!.GetValue<string>()));
    }

    private static IEnumerable<string> Ids(JsonNode page) =>
        page["_embedded"]!["posts"]!.AsArray().Select(p => p!["id"]!.GetValue<string>());
}
