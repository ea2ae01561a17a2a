using System.Net;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;
using Blog.Tests.Unit;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Tests.Integration;

/// <summary><c>/me/posts</c>: the signed-in author's own posts in every state, newest first.</summary>
public sealed class ListOwnPosts(DatabaseProvider provider) : IntegrationTest(provider)
{
    private readonly FakeTimeProvider clock = new(PublishingRequests.WholeMillisecondNow());
    private string author = null!;
    private DateTimeOffset scheduledAt;

    /// <summary>By what the list sorts on, newest first: scheduled (+10 min), draft 2 (+4), draft 1 (+1), published (0), backdated (-1 h).</summary>
    private List<string> newestFirst = null!;

    private string scheduled = null!, draft2 = null!, draft1 = null!, published = null!, backdated = null!;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);

    [OneTimeSetUp]
    public async Task WritePostsInEveryState()
    {
        author = await Client.RegisterAsync();
        var start = clock.Now;
        scheduledAt = start.AddMinutes(10);
        published = PublishingRequests.Id(await Client.WritePostAsync(author, new { title = "Published", body = "Body" }));
        clock.Advance(TimeSpan.FromMinutes(1));
        draft1 = PublishingRequests.Id(await Client.WritePostAsync(author, new { title = "Draft 1", body = "Body", status = "draft" }));
        clock.Advance(TimeSpan.FromMinutes(1));
        scheduled = PublishingRequests.Id(await Client.WritePostAsync(author, new { title = "Scheduled", body = "Body", publishedDate = PublishingRequests.Instant(scheduledAt) }));
        clock.Advance(TimeSpan.FromMinutes(1));
        backdated = PublishingRequests.Id(await Client.WritePostAsync(author, new { title = "Backdated", body = "Body", status = "published", publishedDate = PublishingRequests.Instant(start.AddHours(-1)) }));
        clock.Advance(TimeSpan.FromMinutes(1));
        draft2 = PublishingRequests.Id(await Client.WritePostAsync(author, new { title = "Draft 2", body = "Body", status = "draft" }));
        newestFirst = [scheduled, draft2, draft1, published, backdated];

        var someoneElse = await Client.RegisterAsync();
        await Client.WritePostAsync(someoneElse, new { title = "Not theirs", body = "Body", status = "draft" });
        await Client.WritePostAsync(someoneElse, new { title = "Not theirs either", body = "Body" });
    }

    [Test]
    public async Task RootAndMeLinkToIt()
    {
        var me = await Client.GetJsonAsAsync(await Client.RootLinkAsync("me"), author);

        Assert.That(await Client.MyPostsLinkAsync(), Is.EqualTo("http://localhost/me/posts"));
        Assert.That(BlogClient.Href(me, "myPosts"), Is.EqualTo("http://localhost/me/posts"));
    }

    [Test]
    public async Task ListsEveryStateNewestFirstByPublishedDateOrForADraftByPostedDate()
    {
        var page = await Client.GetJsonAsAsync(await Client.MyPostsLinkAsync(), author);

        Assert.That(PublishingRequests.Ids(page), Is.EqualTo(newestFirst));
        Assert.That(PublishingRequests.TotalItems(page), Is.EqualTo(5));
    }

    [Test]
    public async Task RespondsPrivately()
    {
        using var response = await Client.SendAsync(HttpMethod.Get, await Client.MyPostsLinkAsync(), author);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.CacheControl?.Private, Is.True);
    }

    [TestCase("draft")]
    [TestCase("scheduled")]
    [TestCase("published")]
    public async Task FiltersByStatusAndKeepsTheFilterInItsLinks(string status)
    {
        var page = await Client.GetJsonAsAsync($"{await Client.MyPostsLinkAsync()}?status={status}&size=1", author);
        var all = await Client.AllItemsAsync(BlogClient.Href(page, "self"), author);

        var expected = status switch
        {
            "draft" => new[] { draft2, draft1 },
            "scheduled" => [scheduled],
            _ => [published, backdated],
        };
        Assert.Multiple(() =>
        {
            Assert.That(all.Select(post => post["id"]!.GetValue<string>()), Is.EqualTo(expected));
            Assert.That(PublishingRequests.TotalItems(page), Is.EqualTo(expected.Length));
            Assert.That(BlogClient.Href(page, "self"), Does.Contain($"status={status}"));
            if (expected.Length > 1)
            {
                Assert.That(BlogClient.Href(page, "next"), Does.Contain($"status={status}"));
            }
        });
    }

    [Test]
    public async Task PagesForwardAndBackThroughEveryPostOnce()
    {
        var first = await Client.GetJsonAsAsync($"{await Client.MyPostsLinkAsync()}?size=2", author);
        var second = await Client.GetJsonAsAsync(BlogClient.Href(first, "next"), author);
        var third = await Client.GetJsonAsAsync(BlogClient.Href(second, "next"), author);
        var backToSecond = await Client.GetJsonAsAsync(BlogClient.Href(third, "prev"), author);

        Assert.Multiple(() =>
        {
            Assert.That(
                PublishingRequests.Ids(first).Concat(PublishingRequests.Ids(second)).Concat(PublishingRequests.Ids(third)),
                Is.EqualTo(newestFirst));
            Assert.That(first["_links"]!["prev"], Is.Null);
            Assert.That(third["_links"]!["next"], Is.Null);
            Assert.That(PublishingRequests.Ids(backToSecond), Is.EqualTo(PublishingRequests.Ids(second)));
        });
    }

    [Test]
    public async Task ListsAScheduledPostAsPublishedFromItsInstant()
    {
        var url = await Client.MyPostsLinkAsync();
        var savedClock = clock.Now;
        clock.Now = scheduledAt;
        try
        {
            var scheduledNow = await Client.GetJsonAsAsync($"{url}?status=scheduled", author);
            var publishedNow = await Client.GetJsonAsAsync($"{url}?status=published", author);

            Assert.That(PublishingRequests.Ids(scheduledNow), Is.Empty);
            Assert.That(PublishingRequests.Ids(publishedNow), Is.EqualTo(new[] { scheduled, published, backdated }));
        }
        finally
        {
            clock.Now = savedClock;
        }
    }

    [Test]
    public async Task IsEmptyForAUserWithNoPosts()
    {
        var newcomer = await Client.RegisterAsync();

        var page = await Client.GetJsonAsAsync(await Client.MyPostsLinkAsync(), newcomer);

        Assert.That(PublishingRequests.Ids(page), Is.Empty);
        Assert.That(PublishingRequests.TotalItems(page), Is.Zero);
    }

    [Test]
    public async Task Returns401ToAnAnonymousClient()
    {
        using var response = await Client.SendAsync(HttpMethod.Get, await Client.MyPostsLinkAsync());

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(BlogClient.Challenges(response), Does.Contain(BlogClient.BasicChallenge));
    }

    [TestCase("bogus")]
    [TestCase("Draft")]
    [TestCase("all")]
    public async Task Returns400ForAnUnknownStatus(string status)
    {
        using var response = await Client.SendAsync(HttpMethod.Get, $"{await Client.MyPostsLinkAsync()}?status={status}", author);

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["status"], Is.Not.Null, problem.ToJsonString());
    }

    [Test]
    public async Task ShowsEachPostAsItsOwnRepresentation()
    {
        var page = await Client.GetJsonAsAsync($"{await Client.MyPostsLinkAsync()}?status=draft&size=1", author);
        var listed = page["_embedded"]!["posts"]![0]!;
        JsonNode own = await Client.GetJsonAsAsync(BlogClient.Href(listed, "self"), author);

        Assert.That(JsonNode.DeepEquals(listed, own), Is.True, $"{listed.ToJsonString()}\n{own.ToJsonString()}");
    }
}
