using System.Net;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary><c>GET /posts?tag=</c>, alone and with <c>author</c> and <c>q</c>.</summary>
public sealed class FilterPostsByTag(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Tag = "tagged";
    private string rick = null!;
    private string morty = null!;
    private Dictionary<string, string> ids = null!;

    [OneTimeSetUp]
    public async Task CreatePosts()
    {
        rick = await Client.RegisterAsync(BlogClient.UniqueName("rick"));
        morty = await Client.RegisterAsync(BlogClient.UniqueName("morty"));
        ids = [];
        foreach (var (key, author, tags, title) in new[]
        {
            ("rick needle", rick, new[] { Tag }, "A needle"),
            ("rick plain", rick, new[] { "other", Tag }, "Plain"),
            ("rick untagged", rick, new[] { "other" }, "Another needle"),
            ("morty needle", morty, new[] { Tag }, "Needle too"),
        })
        {
            ids[key] = (await Client.CreateTaggedPostAsync(author, tags, title: title))["id"]!.GetValue<string>();
        }

        await Client.CreateTaggedPostAsync(rick, [Tag], status: "draft", title: "A needle in a draft");
    }

    [Test]
    public async Task ListsThePublicPostsWithTheTagNewestFirst()
    {
        var page = await Client.GetJsonAsync($"{await PostsAsync()}?tag={Tag}");

        Assert.Multiple(() =>
        {
            Assert.That(TaggedPosts.PostIds(page), Is.EqualTo(new[] { ids["morty needle"], ids["rick plain"], ids["rick needle"] }));
            Assert.That(page["totalItems"]!.GetValue<int>(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task CombinesWithAuthor()
    {
        var page = await Client.GetJsonAsync($"{await PostsAsync()}?tag={Tag}&author={rick}");

        Assert.Multiple(() =>
        {
            Assert.That(TaggedPosts.PostIds(page), Is.EqualTo(new[] { ids["rick plain"], ids["rick needle"] }));
            Assert.That(page["totalItems"]!.GetValue<int>(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task CombinesWithText()
    {
        var page = await Client.GetJsonAsync($"{await PostsAsync()}?tag={Tag}&q=needle");

        Assert.Multiple(() =>
        {
            Assert.That(TaggedPosts.PostIds(page), Is.EqualTo(new[] { ids["morty needle"], ids["rick needle"] }));
            Assert.That(page["totalItems"]!.GetValue<int>(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task CombinesWithAuthorAndText()
    {
        var page = await Client.GetJsonAsync($"{await PostsAsync()}?tag={Tag}&author={rick}&q=needle");

        Assert.Multiple(() =>
        {
            Assert.That(TaggedPosts.PostIds(page), Is.EqualTo(new[] { ids["rick needle"] }));
            Assert.That(page["totalItems"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task KeepsTheTagInEveryLinkAndPagesThroughTheMatches()
    {
        var first = await Client.GetJsonAsync($"{await PostsAsync()}?tag={Tag}&author={rick}&size=1");
        var second = await Client.GetJsonAsync(BlogClient.Href(first, "next"));

        Assert.Multiple(() =>
        {
            foreach (var (page, rel) in new[] { (first, "self"), (first, "first"), (first, "next"), (second, "self"), (second, "prev") })
            {
                Assert.That(BlogClient.Href(page, rel), Does.Contain($"tag={Tag}").And.Contain($"author={rick}").And.Contain("size=1"), rel);
            }

            Assert.That(TaggedPosts.PostIds(first).Concat(TaggedPosts.PostIds(second)), Is.EqualTo(new[] { ids["rick plain"], ids["rick needle"] }));
            Assert.That(second["_links"]!["next"], Is.Null);
            Assert.That(second["totalItems"]!.GetValue<int>(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task TrimsAndLowerCasesTheTagAndLinksItSo()
    {
        var page = await Client.GetJsonAsync($"{await PostsAsync()}?tag=%20{Tag.ToUpperInvariant()}%20");

        Assert.Multiple(() =>
        {
            Assert.That(page["totalItems"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(BlogClient.Href(page, "self"), Does.Contain($"tag={Tag}&").Or.EndWith($"tag={Tag}"));
        });
    }

    [Test]
    public async Task EmbedsAnEmptyArrayForATagNoPostHas()
    {
        var page = await Client.GetJsonAsync($"{await PostsAsync()}?tag={TaggedPosts.UniqueTag()}");

        Assert.Multiple(() =>
        {
            Assert.That(page["_embedded"]!["posts"], Is.InstanceOf<JsonArray>());
            Assert.That(TaggedPosts.PostIds(page), Is.Empty);
            Assert.That(page["totalItems"]!.GetValue<int>(), Is.EqualTo(0));
        });
    }

    [TestCase("c%23")]
    [TestCase("under_score")]
    [TestCase("a-name-of-thirty-three-characters")]
    [TestCase("nul%00name")]
    public async Task Returns400ForANameNoTagCanHave(string tag)
    {
        using var response = await Client.Http.GetAsync($"{await PostsAsync()}?tag={tag}");

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["tag"], Is.Not.Null, problem.ToJsonString());
    }

    private Task<string> PostsAsync() => Client.RootLinkAsync("posts");
}
