using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;
using Blog.Tests.Unit;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Tests.Integration;

/// <summary>Every change of a post's title, body or tags keeps what it replaced, for the author to read.</summary>
public sealed class PostRevisions(DatabaseProvider provider) : IntegrationTest(provider)
{
    private readonly FakeTimeProvider clock = new(PublishingRequests.WholeMillisecondNow());
    private string author = null!;
    private string other = null!;
    private JsonNode post = null!;

    /// <summary>The post as each version was, by the version its ETag named.</summary>
    private Dictionary<long, JsonNode> versions = null!;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);

    /// <summary>v1 written; v2 a new title; v3 taken back to draft (no revision); v4 new tags; v5 a new body.</summary>
    [OneTimeSetUp]
    public async Task EditAPostFourTimes()
    {
        author = await Client.RegisterAsync();
        other = await Client.RegisterAsync();
        versions = [];
        using var created = await Client.WritePostResponseAsync(author, new { title = "First title", body = "First body", tags = new[] { "one" } });
        post = await RememberAsync(created);
        await EditAsync("""{"title":"Second title"}""");
        await EditAsync("""{"status":"draft"}""");
        await EditAsync("""{"tags":["two"]}""");
        clock.Advance(TimeSpan.FromMinutes(1));
        using var put = await Client.SendAsync(HttpMethod.Put, BlogClient.Href(post, "self"), author, BlogClient.Json("""{"title":"Second title","body":"Second body"}"""));
        await RememberAsync(put);
        Assert.That(versions.Keys, Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
    }

    [Test]
    public async Task ListsWhatEachEditOfTitleBodyOrTagsReplacedNewestFirst()
    {
        var page = await Client.GetJsonAsAsync(BlogClient.Href(post, "revisions"), author);
        var revisions = page["_embedded"]!["revisions"]!.AsArray();

        Assert.That(revisions.Select(revision => revision!["version"]!.GetValue<long>()), Is.EqualTo(new long[] { 4, 3, 1 }));
        Assert.That(PublishingRequests.TotalItems(page), Is.EqualTo(3));
        Assert.Multiple(() =>
        {
            foreach (var revision in revisions)
            {
                var version = revision!["version"]!.GetValue<long>();
                var then = versions[version];
                Assert.That(revision["title"]!.GetValue<string>(), Is.EqualTo(then["title"]!.GetValue<string>()), $"v{version}");
                Assert.That(revision["body"]!.GetValue<string>(), Is.EqualTo(then["body"]!.GetValue<string>()), $"v{version}");
                Assert.That(JsonNode.DeepEquals(revision["tags"], then["tags"]), Is.True, $"v{version}");
                Assert.That(revision["savedDate"]!.GetValue<string>(), Is.EqualTo(then["updatedDate"]!.GetValue<string>()), $"v{version}");
                Assert.That(BlogClient.Href(revision, "self"), Is.EqualTo($"{BlogClient.Href(post, "self")}/revisions/{version}"));
                Assert.That(BlogClient.Href(revision, "post"), Is.EqualTo(BlogClient.Href(post, "self")));
            }
        });
    }

    [Test]
    public async Task PagesThroughTheRevisions()
    {
        var first = await Client.GetJsonAsAsync($"{BlogClient.Href(post, "revisions")}?size=2", author);
        var second = await Client.GetJsonAsAsync(BlogClient.Href(first, "next"), author);
        var back = await Client.GetJsonAsAsync(BlogClient.Href(second, "prev"), author);

        Assert.Multiple(() =>
        {
            Assert.That(Versions(first), Is.EqualTo(new long[] { 4, 3 }));
            Assert.That(Versions(second), Is.EqualTo(new long[] { 1 }));
            Assert.That(second["_links"]!["next"], Is.Null);
            Assert.That(Versions(back), Is.EqualTo(new long[] { 4, 3 }));
            Assert.That(back["_links"]!["prev"], Is.Null);
            Assert.That(PublishingRequests.TotalItems(second), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task GetsOneRevisionByItsVersionWithAnETagThatAnswers304()
    {
        var url = $"{BlogClient.Href(post, "self")}/revisions/1";
        using var response = await Client.SendAsync(HttpMethod.Get, url, author);
        var revision = await BlogClient.ReadJsonAsync(response);
        using var again = await Client.SendAsync(HttpMethod.Get, url, author, configure: request => request.Headers.IfNoneMatch.Add(response.Headers.ETag!));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(revision["version"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(revision["title"]!.GetValue<string>(), Is.EqualTo("First title"));
            Assert.That(revision["tags"]!.AsArray().Select(tag => tag!.GetValue<string>()), Is.EqualTo(new[] { "one" }));
            Assert.That(response.Headers.ETag, Is.Not.Null);
            Assert.That(response.Headers.ETag, Is.Not.EqualTo(EntityTagHeaderValue.Parse(ETagOf(1))), "a revision's tag is not the post's");
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        });
    }

    [Test]
    public async Task AnswersAnUnchangedListWith304AndAChangedOneWithANewBody()
    {
        var author2 = await Client.RegisterAsync();
        var written = await Client.WritePostAsync(author2, new { title = "A", body = "B" });
        await Client.PatchPostAsync(written, author2, """{"title":"A2"}""");
        var url = BlogClient.Href(written, "revisions");
        using var first = await Client.SendAsync(HttpMethod.Get, url, author2);
        using var unchanged = await Client.SendAsync(HttpMethod.Get, url, author2, configure: request => request.Headers.IfNoneMatch.Add(first.Headers.ETag!));
        clock.Advance(TimeSpan.FromSeconds(1));
        await Client.PatchPostAsync(written, author2, """{"title":"A3"}""");
        using var changed = await Client.SendAsync(HttpMethod.Get, url, author2, configure: request => request.Headers.IfNoneMatch.Add(first.Headers.ETag!));

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(unchanged.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [TestCase(2, Description = "v2 was replaced by a change of publishing alone")]
    [TestCase(5, Description = "the current version is not a revision")]
    [TestCase(99)]
    [TestCase(0)]
    public async Task Returns404ForAVersionWithNoRevision(long version)
    {
        using var response = await Client.SendAsync(HttpMethod.Get, $"{BlogClient.Href(post, "self")}/revisions/{version}", author);

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Returns403ToAnotherUserForAPublicPost()
    {
        var published = await Client.WritePostAsync(author, new { title = "Out", body = "Body" });
        await Client.PatchPostAsync(published, author, """{"title":"Out again"}""");

        using var list = await Client.SendAsync(HttpMethod.Get, BlogClient.Href(published, "revisions"), other);
        using var one = await Client.SendAsync(HttpMethod.Get, $"{BlogClient.Href(published, "self")}/revisions/1", other);

        await BlogClient.AssertProblemAsync(list, HttpStatusCode.Forbidden);
        await BlogClient.AssertProblemAsync(one, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Returns404ToAnotherUserForADraft()
    {
        using var list = await Client.SendAsync(HttpMethod.Get, BlogClient.Href(post, "revisions"), other);
        using var one = await Client.SendAsync(HttpMethod.Get, $"{BlogClient.Href(post, "self")}/revisions/1", other);

        await BlogClient.AssertProblemAsync(list, HttpStatusCode.NotFound);
        await BlogClient.AssertProblemAsync(one, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Returns401ToAnAnonymousClient()
    {
        using var response = await Client.SendAsync(HttpMethod.Get, BlogClient.Href(post, "revisions"));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task OrdersEditsSavedInTheSameMillisecondByVersion()
    {
        var written = await Client.WritePostAsync(author, new { title = "T1", body = "B" });
        for (var i = 2; i <= 6; i++)
        {
            await Client.PatchPostAsync(written, author, $$"""{"title":"T{{i}}"}""");
        }

        var revisions = await Client.AllItemsAsync($"{BlogClient.Href(written, "revisions")}?size=2", author, "revisions");

        Assert.That(revisions.Select(revision => revision["version"]!.GetValue<long>()), Is.EqualTo(new long[] { 5, 4, 3, 2, 1 }));
        Assert.That(revisions.Select(revision => revision["title"]!.GetValue<string>()), Is.EqualTo(new[] { "T5", "T4", "T3", "T2", "T1" }));
    }

    [Test]
    public async Task DeletesTheRevisionsWithThePost()
    {
        var written = await Client.WritePostAsync(author, new { title = "T1", body = "B" });
        await Client.PatchPostAsync(written, author, """{"title":"T2"}""");

        using (await Client.SendAsync(HttpMethod.Delete, BlogClient.Href(written, "self"), author))
        {
        }

        using var response = await Client.SendAsync(HttpMethod.Get, $"{BlogClient.Href(written, "self")}/revisions/1", author);
        await BlogClient.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    private static List<long> Versions(JsonNode page) =>
        [.. page["_embedded"]!["revisions"]!.AsArray().Select(revision => revision!["version"]!.GetValue<long>())];

    private string ETagOf(long version) => $"\"{Guid.Parse(PublishingRequests.Id(post)):N}-{version}\"";

    private async Task EditAsync(string patch)
    {
        clock.Advance(TimeSpan.FromMinutes(1));
        using var response = await Client.PatchPostResponseAsync(post, author, patch);
        await RememberAsync(response);
    }

    /// <summary>Keeps the representation a write returned under the version its ETag names.</summary>
    private async Task<JsonNode> RememberAsync(HttpResponseMessage response)
    {
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
        var representation = await BlogClient.ReadJsonAsync(response);
        var tag = response.Headers.ETag!.Tag;
        var prefix = $"\"{Guid.Parse(PublishingRequests.Id(representation)):N}-";
        Assert.That(tag, Does.StartWith(prefix));
        versions[long.Parse(tag[prefix.Length..^1], System.Globalization.CultureInfo.InvariantCulture)] = representation;
        return representation;
    }
}
