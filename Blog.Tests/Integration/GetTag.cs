using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class GetTag(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task ReturnsTheTagWithItsPublicPostCountAndLinks()
    {
        var author = await Client.RegisterAsync();
        var name = TaggedPosts.UniqueTag();
        await Client.CreateTaggedPostAsync(author, [name]);
        await Client.CreateTaggedPostAsync(author, [name, TaggedPosts.UniqueTag()]);
        await Client.CreateTaggedPostAsync(author, [name], status: "draft");

        var tag = await Client.GetJsonAsync(await Client.TagHrefAsync(name));

        Assert.Multiple(() =>
        {
            Assert.That(tag["name"]!.GetValue<string>(), Is.EqualTo(name));
            Assert.That(tag["postCount"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(BlogClient.Href(tag, "self"), Is.EqualTo($"http://localhost/tags/{name}"));
            Assert.That(BlogClient.Href(tag, "posts"), Is.EqualTo($"http://localhost/posts?tag={name}"));
        });
    }

    [Test]
    public async Task PostsLinkListsThePublicPostsWithTheTag()
    {
        var author = await Client.RegisterAsync();
        var name = TaggedPosts.UniqueTag();
        var tagged = await Client.CreateTaggedPostAsync(author, [name]);
        await Client.CreateTaggedPostAsync(author, [TaggedPosts.UniqueTag()]);

        var posts = await Client.GetJsonAsync(BlogClient.Href(await Client.GetJsonAsync(await Client.TagHrefAsync(name)), "posts"));

        Assert.That(TaggedPosts.PostIds(posts), Is.EqualTo(new[] { tagged["id"]!.GetValue<string>() }));
    }

    [Test]
    public async Task FindsTheTagAsTagsAreWrittenTrimmedAndLowerCased()
    {
        var author = await Client.RegisterAsync();
        var name = TaggedPosts.UniqueTag();
        await Client.CreateTaggedPostAsync(author, [name]);

        var tag = await Client.GetJsonAsync(await Client.TagHrefAsync($" {name.ToUpperInvariant()} "));

        Assert.Multiple(() =>
        {
            Assert.That(tag["name"]!.GetValue<string>(), Is.EqualTo(name));
            Assert.That(BlogClient.Href(tag, "self"), Is.EqualTo($"http://localhost/tags/{name}"));
        });
    }

    [Test]
    public async Task AnswersIfNoneMatchWith304UntilTheCountChanges()
    {
        var author = await Client.RegisterAsync();
        var name = TaggedPosts.UniqueTag();
        await Client.CreateTaggedPostAsync(author, [name]);
        var href = await Client.TagHrefAsync(name);
        using var first = await Client.Http.GetAsync(href);
        var etag = first.Headers.ETag ?? throw new AssertionException("GET /tags/{name} sent no ETag.");

        using var unchanged = await Client.SendAsync(HttpMethod.Get, href, configure: request => request.Headers.IfNoneMatch.Add(etag));
        await Client.CreateTaggedPostAsync(author, [name]);
        using var changed = await Client.SendAsync(HttpMethod.Get, href, configure: request => request.Headers.IfNoneMatch.Add(etag));
        var body = await BlogClient.ReadJsonAsync(changed);

        Assert.Multiple(() =>
        {
            Assert.That(unchanged.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(unchanged.Headers.ETag, Is.EqualTo(etag));
            Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(changed.Headers.ETag, Is.Not.EqualTo(etag));
            Assert.That(body["postCount"]!.GetValue<int>(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Returns404ProblemForATagNoPostHas()
    {
        var name = TaggedPosts.UniqueTag();

        using var response = await Client.Http.GetAsync(await Client.TagHrefAsync(name));

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain(name), "a tag's own 404, not an unknown route's");
    }

    [Test]
    public async Task Returns404ProblemForATagOnlyADraftHas()
    {
        var author = await Client.RegisterAsync();
        var name = TaggedPosts.UniqueTag();
        await Client.CreateTaggedPostAsync(author, [name], status: "draft");

        using var response = await Client.Http.GetAsync(await Client.TagHrefAsync(name));

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain(name), "a tag's own 404, not an unknown route's");
    }

    [TestCase("c#")]
    [TestCase("under_score")]
    [TestCase("a-name-of-thirty-three-characters")]
    public async Task Returns404ProblemForANameNoTagCanHave(string name)
    {
        using var response = await Client.Http.GetAsync(await Client.TagHrefAsync(name));

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain(name), "a tag's own 404, not an unknown route's");
    }
}
