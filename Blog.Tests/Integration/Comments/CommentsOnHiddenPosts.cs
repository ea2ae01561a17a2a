using System.Net;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;
using Blog.Tests.Unit;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Tests.Integration.Comments;

/// <summary>A post that is not public (a draft, or scheduled for later) has no comments for anyone but its author: 404 everywhere.</summary>
public sealed class CommentsOnHiddenPosts(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string MergePatch = "application/merge-patch+json";

    /// <summary>The service's clock, which the scheduling test moves past a post's instant.</summary>
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);

    [Test]
    public async Task ItsAuthorCommentsOnTheirDraftAndReadsTheComments()
    {
        var author = await Client.RegisterAsync();
        var draft = await Client.CreatePostAsync(author, new JsonObject { ["title"] = "Draft", ["body"] = "Not yet", ["status"] = "draft" });

        var comment = await Client.CreateCommentAsync(author, draft, "Note to self");
        using var list = await Client.SendAsync(HttpMethod.Get, BlogClient.Href(draft, "comments"), author);
        using var get = await Client.SendAsync(HttpMethod.Get, BlogClient.Href(comment, "self"), author);

        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await BlogClient.ReadJsonAsync(list))["totalItems"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task EveryRequestOnADraftsCommentsIs404ForAnotherUserOrNoUser()
    {
        var author = await Client.RegisterAsync();
        var other = await Client.RegisterAsync();
        var draft = await Client.CreatePostAsync(author, new JsonObject { ["title"] = "Draft", ["body"] = "Not yet", ["status"] = "draft" });
        var comment = BlogClient.Href(await Client.CreateCommentAsync(author, draft, "Note to self"), "self");
        var comments = BlogClient.Href(draft, "comments");

        await AssertAllNotFoundAsync(
            () => Client.SendAsync(HttpMethod.Get, comments, other),
            () => Client.SendAsync(HttpMethod.Get, comments),
            () => Client.SendAsync(HttpMethod.Get, comment, other),
            () => Client.SendAsync(HttpMethod.Get, comment),
            () => Client.CreateCommentResponseAsync(other, draft),
            () => Client.SendAsync(HttpMethod.Patch, comment, other, BlogClient.Json("""{"body":"x"}""", MergePatch)),
            () => Client.SendAsync(HttpMethod.Delete, comment, other));
    }

    [Test]
    public async Task AScheduledPostTakesCommentsFromOthersOnlyFromItsInstant()
    {
        var author = await Client.RegisterAsync();
        var other = await Client.RegisterAsync();
        var scheduled = await Client.CreatePostAsync(author, new JsonObject
        {
            ["title"] = "Soon", ["body"] = "Wait for it", ["status"] = "published", ["publishedDate"] = clock.Now.AddHours(1).UtcDateTime,
        });
        var comment = BlogClient.Href(await Client.CreateCommentAsync(author, scheduled, "Ready"), "self");

        await AssertAllNotFoundAsync(
            () => Client.CreateCommentResponseAsync(other, scheduled),
            () => Client.SendAsync(HttpMethod.Get, BlogClient.Href(scheduled, "comments"), other),
            () => Client.SendAsync(HttpMethod.Get, comment, other));

        clock.Advance(TimeSpan.FromHours(1));
        using var created = await Client.CreateCommentResponseAsync(other, scheduled);
        using var read = await Client.SendAsync(HttpMethod.Get, comment, other);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ACommentIs404ToItsOwnAuthorOnceThePostIsTakenBackToADraft()
    {
        var author = await Client.RegisterAsync();
        var commenter = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(author);
        var comment = BlogClient.Href(await Client.CreateCommentAsync(commenter, post, "Mine"), "self");

        using (var takenBack = await Client.SendAsync(HttpMethod.Patch, BlogClient.Href(post, "self"), author, BlogClient.Json("""{"status":"draft"}""", MergePatch)))
        {
            Assert.That(takenBack.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await AssertAllNotFoundAsync(
            () => Client.SendAsync(HttpMethod.Get, comment, commenter),
            () => Client.SendAsync(HttpMethod.Patch, comment, commenter, BlogClient.Json("""{"body":"x"}""", MergePatch)),
            () => Client.SendAsync(HttpMethod.Delete, comment, commenter));
        using var byPostAuthor = await Client.SendAsync(HttpMethod.Delete, comment, author);
        Assert.That(byPostAuthor.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    private static async Task AssertAllNotFoundAsync(params Func<Task<HttpResponseMessage>>[] requests)
    {
        foreach (var request in requests)
        {
            using var response = await request();
            await BlogClient.AssertProblemAsync(response, HttpStatusCode.NotFound);
        }
    }
}
