using System.Net;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary>A draft, or a post scheduled for later, exists for its author only.</summary>
public sealed class DraftVisibility(DatabaseProvider provider) : IntegrationTest(provider)
{
    private string author = null!;
    private string other = null!;
    private JsonNode draft = null!;
    private JsonNode scheduled = null!;

    [OneTimeSetUp]
    public async Task WriteADraftAndAScheduledPost()
    {
        author = await Client.RegisterAsync();
        other = await Client.RegisterAsync();
        draft = await Client.WritePostAsync(author, new { title = "Draft", body = "Not yet", status = "draft" });
        scheduled = await Client.WritePostAsync(author, new { title = "Later", body = "Not yet", publishedDate = PublishingRequests.Instant(DateTimeOffset.UtcNow.AddDays(1)) });
    }

    [Test]
    public void TheAuthorIsToldWhatTheyWrote()
    {
        Assert.Multiple(() =>
        {
            Assert.That(draft["status"]!.GetValue<string>(), Is.EqualTo("draft"));
            Assert.That(draft["publishedDate"], Is.Null);
            Assert.That(scheduled["status"]!.GetValue<string>(), Is.EqualTo("published"));
            Assert.That(scheduled["publishedDate"]!.GetValue<string>(), Does.EndWith("Z"));
        });
    }

    [TestCase("draft", null)]
    [TestCase("draft", "other")]
    [TestCase("scheduled", null)]
    [TestCase("scheduled", "other")]
    public async Task IsNotFoundForAnyoneElse(string which, string? reader)
    {
        using var response = await Client.SendAsync(HttpMethod.Get, BlogClient.Href(Post(which), "self"), reader is null ? null : other);

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.That(problem.ToJsonString(), Does.Not.Contain("Not yet"));
    }

    [TestCase("draft")]
    [TestCase("scheduled")]
    public async Task IsNotFoundForAnyoneElseAlsoByHead(string which)
    {
        using var response = await Client.SendAsync(HttpMethod.Head, BlogClient.Href(Post(which), "self"), other);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("draft")]
    [TestCase("scheduled")]
    public async Task IsShownToItsAuthorAsAPrivateResponse(string which)
    {
        using var response = await Client.SendAsync(HttpMethod.Get, BlogClient.Href(Post(which), "self"), author);
        var post = await BlogClient.ReadJsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.CacheControl?.Private, Is.True, response.Headers.CacheControl?.ToString());
            Assert.That(response.Headers.CacheControl?.Public, Is.False);
            Assert.That(response.Headers.ETag, Is.Not.Null);
            Assert.That(post["id"]!.GetValue<string>(), Is.EqualTo(PublishingRequests.Id(Post(which))));
        });
    }

    [Test]
    public async Task AnswersTheAuthorsIfNoneMatchWith304()
    {
        using var first = await Client.SendAsync(HttpMethod.Get, BlogClient.Href(draft, "self"), author);
        using var again = await Client.SendAsync(HttpMethod.Get, BlogClient.Href(draft, "self"), author, configure: request => request.Headers.IfNoneMatch.Add(first.Headers.ETag!));

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(again.Headers.CacheControl?.Private, Is.True);
    }

    [Test]
    public async Task IsNotFoundToAnotherUserWhoTriesToChangeOrDeleteIt()
    {
        var url = BlogClient.Href(draft, "self");

        using var put = await Client.SendAsync(HttpMethod.Put, url, other, BlogClient.Json("""{"title":"Mine","body":"Now"}"""));
        using var patch = await Client.SendAsync(HttpMethod.Patch, url, other, BlogClient.Json("""{"status":"published"}""", PublishingRequests.MergePatch));
        using var delete = await Client.SendAsync(HttpMethod.Delete, url, other);

        await BlogClient.AssertProblemAsync(put, HttpStatusCode.NotFound);
        await BlogClient.AssertProblemAsync(patch, HttpStatusCode.NotFound);
        await BlogClient.AssertProblemAsync(delete, HttpStatusCode.NotFound);
        Assert.That((await Client.GetJsonAsAsync(url, author))["status"]!.GetValue<string>(), Is.EqualTo("draft"));
    }

    [Test]
    public async Task IsInNoPublicListing()
    {
        var everyone = await Client.AllItemsAsync("/posts?size=100", null);
        var byAuthor = await Client.GetJsonAsAsync($"/posts?author={author}", author);
        var found = await Client.GetJsonAsAsync("/posts?q=not%20yet", author);

        Assert.Multiple(() =>
        {
            Assert.That(everyone.Select(post => post["id"]!.GetValue<string>()), Does.Not.Contain(PublishingRequests.Id(draft)).And.Not.Contain(PublishingRequests.Id(scheduled)));
            Assert.That(PublishingRequests.Ids(byAuthor), Is.Empty);
            Assert.That(PublishingRequests.TotalItems(byAuthor), Is.Zero);
            Assert.That(PublishingRequests.Ids(found), Is.Empty);
            Assert.That(PublishingRequests.TotalItems(found), Is.Zero);
        });
    }

    private JsonNode Post(string which) => which == "draft" ? draft : scheduled;
}
