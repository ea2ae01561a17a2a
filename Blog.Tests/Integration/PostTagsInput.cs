using System.Net;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary>The tags a post's author sends, on create, PUT and merge-patch: normalised, or refused with a field error.</summary>
public sealed class PostTagsInput(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly string[] Writes = ["POST", "PUT", "PATCH"];

    private string author = null!;

    [SetUp]
    public async Task RegisterAuthor() => author = await Client.RegisterAsync();

    [TestCaseSource(nameof(Writes))]
    public async Task TrimsLowerCasesAndDeduplicatesTheNames(string method)
    {
        using var response = await WriteAsync(method, [" DotNet ", "HTTP", "dotnet", "http-2"]);
        var post = await BlogClient.ReadJsonAsync(response);

        Assert.That(response.IsSuccessStatusCode, Is.True, post.ToJsonString());
        Assert.That(TaggedPosts.TagsOf(post), Is.EqualTo(new[] { "dotnet", "http", "http-2" }));
    }

    [TestCaseSource(nameof(Writes))]
    public async Task AcceptsTenTagsCountedAfterNormalising(string method)
    {
        var ten = Enumerable.Range(0, 10).Select(i => $"tag-{i}").ToList();

        using var response = await WriteAsync(method, [.. ten, "TAG-0", " tag-9 "]);
        var post = await BlogClient.ReadJsonAsync(response);

        Assert.That(response.IsSuccessStatusCode, Is.True, post.ToJsonString());
        Assert.That(TaggedPosts.TagsOf(post), Is.EqualTo(ten));
    }

    [TestCaseSource(nameof(Writes))]
    public async Task Returns400ForMoreThanTenTagsAndChangesNothing(string method)
    {
        using var response = await WriteAsync(method, Enumerable.Range(0, 11).Select(i => $"tag-{i}"));

        await AssertTagsRefusedAsync(response, method);
    }

    private static IEnumerable<TestCaseData> BadNames() =>
        from method in Writes
        from name in new[] { "c#", "", "   ", "under_score", "dot.net", "a-name-of-thirty-three-characters", "ünïcode", null }
        select new TestCaseData(method, name).SetArgDisplayNames(method, name is null ? "null" : $"\"{name}\"");

    [TestCaseSource(nameof(BadNames))]
    public async Task Returns400ForANameNoTagCanHaveAndChangesNothing(string method, string? name)
    {
        using var response = await WriteAsync(method, ["fine", name]);

        await AssertTagsRefusedAsync(response, method);
    }

    /// <summary>Creates (POST) or changes (PUT, PATCH) a post of <see cref="author"/> with these tags.</summary>
    private async Task<HttpResponseMessage> WriteAsync(string method, IEnumerable<string?> tags)
    {
        if (method == "POST")
        {
            return await Client.SendAsync(HttpMethod.Post, await Client.RootLinkAsync("posts"), author, BlogClient.Json(TaggedPosts.PostJson(tags)));
        }

        var self = BlogClient.Href(await Client.CreateTaggedPostAsync(author, ["before"]), "self");
        var body = method == "PUT"
            ? BlogClient.Json(TaggedPosts.PostJson(tags))
            : BlogClient.Json(new JsonObject { ["tags"] = new JsonArray([.. tags.Select(tag => (JsonNode?)tag)]) }.ToJsonString(), TaggedPosts.MergePatch);
        return await Client.SendAsync(new HttpMethod(method), self, author, body);
    }

    private async Task AssertTagsRefusedAsync(HttpResponseMessage response, string method)
    {
        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["tags"], Is.Not.Null, problem.ToJsonString());

        // Each of the author's posts (the one a PUT or PATCH meant to change) still has what it had.
        var own = await Client.GetJsonAsync($"{await Client.RootLinkAsync("posts")}?author={author}");
        Assert.That(own["_embedded"]!["posts"]!.AsArray().Select(post => TaggedPosts.TagsOf(post!).ToList()), Is.EqualTo(method == "POST" ? [] : new[] { new[] { "before" } }), method);
    }
}
