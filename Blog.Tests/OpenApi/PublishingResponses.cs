using System.Net;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;
using Blog.Tests.Integration;

namespace Blog.Tests.OpenApi;

/// <summary>
/// The document against the service for drafts, scheduled posts, <c>/me/posts</c> and revisions: every request body
/// the service accepts fits its schema, and every answer is described.
/// </summary>
public sealed class PublishingResponses(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly string[] ExpectedPairs =
    [
        "POST /posts 201", "POST /posts 400", "PUT /posts/{id} 200", "PATCH /posts/{id} 200", "PATCH /posts/{id} 400",
        "GET /posts/{id} 200", "GET /posts/{id} 404",
        "GET /me/posts 200", "GET /me/posts 304", "GET /me/posts 400", "GET /me/posts 401",
        "GET /posts/{id}/revisions 200", "GET /posts/{id}/revisions 304", "GET /posts/{id}/revisions 400", "GET /posts/{id}/revisions 401",
        "GET /posts/{id}/revisions 403", "GET /posts/{id}/revisions 404",
        "GET /posts/{id}/revisions/{version} 200", "GET /posts/{id}/revisions/{version} 304", "GET /posts/{id}/revisions/{version} 401",
        "GET /posts/{id}/revisions/{version} 403", "GET /posts/{id}/revisions/{version} 404",
    ];

    [Test]
    public async Task DescribesEveryAnswerOfPublishingAndRevisions()
    {
        using var http = Factory.CreateDefaultClient(new RequestBodyRecorder());
        var client = new BlogClient(http);
        var check = new ResponseConformance(await OpenApiSpec.LoadAsync(http));
        var author = await client.RegisterAsync();
        var other = await client.RegisterAsync();
        var posts = await client.RootLinkAsync("posts");
        var myPosts = await client.RootLinkAsync("myPosts");

        // Drafts and scheduled posts: written, refused, read by their author, not found by anyone else.
        var draft = await CheckedAsync(check, await client.SendAsync(HttpMethod.Post, posts, author, BlogClient.Json("""{"title":"Draft","body":"B","tags":["dotnet"],"status":"draft"}""")), HttpStatusCode.Created);
        await CheckedAsync(check, await client.SendAsync(HttpMethod.Post, posts, author, BlogClient.Json($$"""{"title":"Later","body":"B","status":"published","publishedDate":"{{PublishingRequests.Instant(DateTimeOffset.UtcNow.AddDays(1))}}"}""")), HttpStatusCode.Created);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Post, posts, author, BlogClient.Json("""{"title":"T","body":"B","status":"draft","publishedDate":"2030-01-01T00:00:00Z"}""")), HttpStatusCode.BadRequest);
        var self = BlogClient.Href(draft, "self");
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, self, author), HttpStatusCode.OK);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, self, other), HttpStatusCode.NotFound);

        // Edits that keep revisions, one that keeps none, and a refused one.
        await CheckedAsync(check, await client.SendAsync(HttpMethod.Put, self, author, BlogClient.Json("""{"title":"Draft 2","body":"B"}""")), HttpStatusCode.OK);
        await CheckedAsync(check, await client.SendAsync(HttpMethod.Patch, self, author, BlogClient.Json("""{"tags":[],"body":"B2"}""", PublishingRequests.MergePatch)), HttpStatusCode.OK);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Patch, self, author, BlogClient.Json("""{"publishedDate":null}""", PublishingRequests.MergePatch)), HttpStatusCode.BadRequest);

        // The author's own posts.
        await CheckTwiceAsync(check, client, myPosts, author);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, $"{myPosts}?status=draft&size=1", author), HttpStatusCode.OK);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, $"{myPosts}?status=bogus", author), HttpStatusCode.BadRequest);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, myPosts), HttpStatusCode.Unauthorized);

        // Revisions of the draft, and of a public post another user may see but not read the revisions of.
        var revisions = BlogClient.Href(draft, "revisions");
        await CheckTwiceAsync(check, client, revisions, author);
        var revision = $"{self}/revisions/1";
        await CheckTwiceAsync(check, client, revision, author);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, $"{revisions}?size=0", author), HttpStatusCode.BadRequest);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, $"{self}/revisions/99", author), HttpStatusCode.NotFound);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, revisions, other), HttpStatusCode.NotFound);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, revisions), HttpStatusCode.Unauthorized);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, revision), HttpStatusCode.Unauthorized);
        await CheckedAsync(check, await client.SendAsync(HttpMethod.Patch, self, author, BlogClient.Json("""{"status":"published"}""", PublishingRequests.MergePatch)), HttpStatusCode.OK);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, revisions, other), HttpStatusCode.Forbidden);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, revision, other), HttpStatusCode.Forbidden);

        await OpenApiDocument.ReportAsync(check);
        Assert.Multiple(() =>
        {
            Assert.That(ExpectedPairs.Except(check.Pairs), Is.Empty, "(operation, status) pairs the test meant to check but could not");
            Assert.That(check.Failures, Is.Empty, "where the document and the service disagree");
        });
    }

    /// <summary>A GET, then the same GET with the ETag it gave, which must be 304.</summary>
    private static async Task CheckTwiceAsync(ResponseConformance check, BlogClient client, string url, string user)
    {
        using var first = await client.SendAsync(HttpMethod.Get, url, user);
        await check.CheckAsync(first, HttpStatusCode.OK);
        var tag = first.Headers.ETag ?? throw new AssertionException($"GET {url} had no ETag.");
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, url, user, configure: request => request.Headers.IfNoneMatch.Add(tag)), HttpStatusCode.NotModified);
    }

    private static async Task<JsonNode> CheckedAsync(ResponseConformance check, HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            await check.CheckAsync(response, expected);
            Assert.That(response.StatusCode, Is.EqualTo(expected), text);
            return JsonNode.Parse(text)!;
        }
    }
}
