using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary>A post's <c>_links.tags</c>: HAL link objects named by their tag, always an array.</summary>
public sealed class PostTagLinks(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task LinksEachTagByNameInThePostsOrder()
    {
        var author = await Client.RegisterAsync();
        var (first, second) = (TaggedPosts.UniqueTag("z"), TaggedPosts.UniqueTag("a"));

        var post = await Client.CreateTaggedPostAsync(author, [first, second]);

        Assert.That(post["_links"]!["tags"]!.ToJsonString(), Is.EqualTo(new JsonArray(
            new JsonObject { ["href"] = $"http://localhost/tags/{first}", ["name"] = first },
            new JsonObject { ["href"] = $"http://localhost/tags/{second}", ["name"] = second }).ToJsonString()));
    }

    [TestCase(0)]
    [TestCase(1)]
    public async Task IsAnArrayForNoTagOrOne(int count)
    {
        var author = await Client.RegisterAsync();
        var created = await Client.CreateTaggedPostAsync(author, Enumerable.Range(0, count).Select(_ => TaggedPosts.UniqueTag()));

        var post = await Client.GetJsonAsync(BlogClient.Href(created, "self"));

        Assert.That(post["_links"]!["tags"], Is.InstanceOf<JsonArray>().With.Count.EqualTo(count));
    }

    [Test]
    public async Task LeadsToTheTag()
    {
        var author = await Client.RegisterAsync();
        var name = TaggedPosts.UniqueTag();
        var post = await Client.CreateTaggedPostAsync(author, [name]);

        var tag = await Client.GetJsonAsync(post["_links"]!["tags"]![0]!["href"]!.GetValue<string>());

        Assert.That((tag["name"]!.GetValue<string>(), tag["postCount"]!.GetValue<int>()), Is.EqualTo((name, 1)));
    }

    [Test]
    public async Task FollowsAnEditOfTheTags()
    {
        var author = await Client.RegisterAsync();
        var (before, after) = (TaggedPosts.UniqueTag(), TaggedPosts.UniqueTag());
        var post = await Client.CreateTaggedPostAsync(author, [before]);

        var patched = await Client.PatchAsync(post, author, $$"""{"tags":["{{after}}"]}""");

        Assert.That(patched["_links"]!["tags"]!.AsArray().Select(link => link!["name"]!.GetValue<string>()), Is.EqualTo(new[] { after }));
    }

    [Test]
    public async Task IsOnEveryPostOfAList()
    {
        var author = await Client.RegisterAsync();
        var name = TaggedPosts.UniqueTag();
        await Client.CreateTaggedPostAsync(author, [name]);
        await Client.CreateTaggedPostAsync(author, []);

        var page = await Client.GetJsonAsync($"{await Client.RootLinkAsync("posts")}?author={author}");

        Assert.That(
            page["_embedded"]!["posts"]!.AsArray().Select(post => post!["_links"]!["tags"]!.AsArray().Count),
            Is.EqualTo(new[] { 0, 1 }));
    }
}
