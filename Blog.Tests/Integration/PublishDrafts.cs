using System.Net;
using Blog.Infrastructure.Data;
using Blog.Tests.Unit;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Tests.Integration;

/// <summary>A draft becomes public with <c>"status": "published"</c> and is taken back with <c>"status": "draft"</c>.</summary>
public sealed class PublishDrafts(DatabaseProvider provider) : IntegrationTest(provider)
{
    private readonly FakeTimeProvider clock = new(PublishingRequests.WholeMillisecondNow());

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);

    [Test]
    public async Task ACreateWithoutStatusPublishesNow()
    {
        var author = await Client.RegisterAsync();

        var post = await Client.WritePostAsync(author, new { title = "v1", body = "As before" });

        Assert.Multiple(() =>
        {
            Assert.That(post["status"]!.GetValue<string>(), Is.EqualTo("published"));
            Assert.That(post["publishedDate"]!.GetValue<string>(), Is.EqualTo(PublishingRequests.Instant(clock.Now)));
            Assert.That(post["publishedDate"]!.GetValue<string>(), Is.EqualTo(post["postedDate"]!.GetValue<string>()));
        });
    }

    [Test]
    public async Task PublishesADraftNowWithStatusPublished()
    {
        var author = await Client.RegisterAsync();
        var draft = await Client.WritePostAsync(author, new { title = "Draft", body = "Body", status = "draft" });
        clock.Advance(TimeSpan.FromMinutes(5));

        var published = await Client.PatchPostAsync(draft, author, """{"status":"published"}""");
        var listed = await Client.GetJsonAsAsync($"/posts?author={author}", null);

        Assert.Multiple(() =>
        {
            Assert.That(published["status"]!.GetValue<string>(), Is.EqualTo("published"));
            Assert.That(published["publishedDate"]!.GetValue<string>(), Is.EqualTo(PublishingRequests.Instant(clock.Now)));
            Assert.That(published["postedDate"]!.GetValue<string>(), Is.EqualTo(draft["postedDate"]!.GetValue<string>()));
            Assert.That(PublishingRequests.Ids(listed), Is.EqualTo(new[] { PublishingRequests.Id(draft) }));
        });
        Assert.That(await Client.StatusOfAsync(BlogClient.Href(draft, "self")), Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Client.GetJsonAsAsync($"/users/{author}", null))["postCount"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task PublishesADraftAtThePublishedDateGiven()
    {
        var author = await Client.RegisterAsync();
        var draft = await Client.WritePostAsync(author, new { title = "Draft", body = "Body", status = "draft" });
        var yesterday = clock.Now.AddDays(-1);

        var published = await Client.PatchPostAsync(draft, author, $$"""{"status":"published","publishedDate":"{{PublishingRequests.Instant(yesterday)}}"}""");

        Assert.That(published["publishedDate"]!.GetValue<string>(), Is.EqualTo(PublishingRequests.Instant(yesterday)));
    }

    [Test]
    public async Task ReadsAPublishedDateWithAnOffsetAsTheInstantItNames()
    {
        var author = await Client.RegisterAsync();
        var inParis = new DateTimeOffset(2030, 6, 1, 11, 0, 0, TimeSpan.FromHours(2));

        var post = await Client.WritePostAsync(author, new { title = "Later", body = "Body", publishedDate = "2030-06-01T11:00:00+02:00" });

        Assert.That(post["publishedDate"]!.GetValue<string>(), Is.EqualTo(PublishingRequests.Instant(inParis)));
    }

    [Test]
    public async Task PublishesADraftWithAPutThatSaysSo()
    {
        var author = await Client.RegisterAsync();
        var draft = await Client.WritePostAsync(author, new { title = "Draft", body = "Body", status = "draft" });

        var published = await Client.ReplacePostAsync(draft, author, new { title = "Draft", body = "Body", status = "published" });

        Assert.That(published["publishedDate"]!.GetValue<string>(), Is.EqualTo(PublishingRequests.Instant(clock.Now)));
        Assert.That(await Client.StatusOfAsync(BlogClient.Href(draft, "self")), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task TakesAPostBackWithStatusDraft()
    {
        var author = await Client.RegisterAsync();
        var post = await Client.WritePostAsync(author, new { title = "Out", body = "Body" });

        using var response = await Client.PatchPostResponseAsync(post, author, """{"status":"draft"}""");
        var draft = await BlogClient.ReadJsonAsync(response);
        var listed = await Client.GetJsonAsAsync($"/posts?author={author}", null);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.ETag, Is.Not.Null);
            Assert.That(draft["status"]!.GetValue<string>(), Is.EqualTo("draft"));
            Assert.That(draft["publishedDate"], Is.Null);
            Assert.That(PublishingRequests.Ids(listed), Is.Empty);
            Assert.That(PublishingRequests.TotalItems(listed), Is.Zero);
        });
        Assert.That(await Client.StatusOfAsync(BlogClient.Href(post, "self")), Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await Client.GetJsonAsAsync($"/users/{author}", null))["postCount"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task DeletingADraftOrAScheduledPostLeavesTheCountsRight()
    {
        var author = await Client.RegisterAsync();
        var totalBefore = PublishingRequests.TotalItems(await Client.GetJsonAsAsync("/posts", null));
        await Client.WritePostAsync(author, new { title = "Out", body = "Body" });
        var draft = await Client.WritePostAsync(author, new { title = "Draft", body = "Body", status = "draft" });
        var scheduled = await Client.WritePostAsync(author, new { title = "Later", body = "Body", publishedDate = PublishingRequests.Instant(clock.Now.AddHours(1)) });

        foreach (var hidden in new[] { draft, scheduled })
        {
            using var deleted = await Client.SendAsync(HttpMethod.Delete, BlogClient.Href(hidden, "self"), author);
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        clock.Advance(TimeSpan.FromHours(2));
        var user = await Client.GetJsonAsAsync($"/users/{author}", null);
        var byAuthor = await Client.GetJsonAsAsync($"/posts?author={author}", null);
        var all = await Client.GetJsonAsAsync("/posts", null);

        Assert.Multiple(() =>
        {
            Assert.That(user["postCount"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(PublishingRequests.TotalItems(byAuthor), Is.EqualTo(1));
            Assert.That(PublishingRequests.TotalItems(all), Is.EqualTo(totalBefore + 1));
        });
    }

    [Test]
    public async Task ChangesTheETagOnAChangeOfPublishingAlone()
    {
        var author = await Client.RegisterAsync();
        using var created = await Client.WritePostResponseAsync(author, new { title = "Draft", body = "Body", status = "draft" });
        var draft = await BlogClient.ReadJsonAsync(created);

        using var published = await Client.PatchPostResponseAsync(draft, author, """{"status":"published"}""");

        Assert.That(published.Headers.ETag, Is.Not.EqualTo(created.Headers.ETag));
        using var stale = await Client.SendAsync(
            HttpMethod.Patch, BlogClient.Href(draft, "self"), author, BlogClient.Json("""{"status":"draft"}""", PublishingRequests.MergePatch),
            request => request.Headers.IfMatch.Add(created.Headers.ETag!));
        await BlogClient.AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed);
    }

    [Test]
    public async Task KeepsNoRevisionForAChangeOfPublishingAlone()
    {
        var author = await Client.RegisterAsync();
        var draft = await Client.WritePostAsync(author, new { title = "Draft", body = "Body", status = "draft" });
        await Client.PatchPostAsync(draft, author, """{"status":"published"}""");
        await Client.PatchPostAsync(draft, author, """{"status":"draft"}""");

        var revisions = await Client.GetJsonAsAsync(BlogClient.Href(draft, "revisions"), author);

        Assert.That(PublishingRequests.TotalItems(revisions), Is.Zero);
        Assert.That(revisions["_embedded"]!["revisions"]!.AsArray(), Is.Empty);
    }
}
