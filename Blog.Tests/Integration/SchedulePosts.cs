using System.Net;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;
using Blog.Tests.Unit;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Tests.Integration;

/// <summary>A post published at a later instant: hidden from every public listing and count until then, public from then on with no request in between.</summary>
public sealed class SchedulePosts(DatabaseProvider provider) : IntegrationTest(provider)
{
    private readonly FakeTimeProvider clock = new(PublishingRequests.WholeMillisecondNow());

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);

    [Test]
    public async Task IsAbsentEverywhereUntilItsInstantThenPresentEverywhere()
    {
        var author = await Client.RegisterAsync();
        var word = BlogClient.UniqueName("sched");
        await Client.WritePostAsync(author, new { title = $"Public {word}", body = "Already out" });
        var at = clock.Now.AddHours(1);
        var scheduled = await Client.WritePostAsync(author, new { title = $"Scheduled {word}", body = "Soon", status = "published", publishedDate = PublishingRequests.Instant(at) });
        var totalBefore = await PublicTotalAsync();

        var before = await SnapshotAsync(author, word, scheduled);
        clock.Now = at.AddMilliseconds(-1);
        var justBefore = await SnapshotAsync(author, word, scheduled);
        clock.Now = at;
        var atItsInstant = await SnapshotAsync(author, word, scheduled);

        Assert.Multiple(() =>
        {
            Assert.That(scheduled["publishedDate"]!.GetValue<string>(), Is.EqualTo(PublishingRequests.Instant(at)));
            Assert.That(before, Is.EqualTo(new Snapshot(HttpStatusCode.NotFound, false, 1, false, 1, false, 1, 1)));
            Assert.That(justBefore, Is.EqualTo(before));
            Assert.That(atItsInstant, Is.EqualTo(new Snapshot(HttpStatusCode.OK, true, 2, true, 2, true, 2, 2)));
        });
        Assert.That(await PublicTotalAsync(), Is.EqualTo(totalBefore + 1));
    }

    [Test]
    public async Task ComesFirstAtItsInstantAmongPostsPublishedBefore()
    {
        var author = await Client.RegisterAsync();
        var at = clock.Now.AddMinutes(30);
        var scheduled = await Client.WritePostAsync(author, new { title = "Scheduled", body = "Soon", publishedDate = PublishingRequests.Instant(at) });
        clock.Advance(TimeSpan.FromMinutes(1));
        var written = await Client.WritePostAsync(author, new { title = "Written after", body = "Out at once" });

        var beforeIds = PublishingRequests.Ids(await Client.GetJsonAsAsync($"/posts?author={author}", null));
        clock.Now = at;
        var afterIds = PublishingRequests.Ids(await Client.GetJsonAsAsync($"/posts?author={author}", null));

        Assert.That(beforeIds, Is.EqualTo(new[] { PublishingRequests.Id(written) }));
        Assert.That(afterIds, Is.EqualTo(new[] { PublishingRequests.Id(scheduled), PublishingRequests.Id(written) }));
    }

    [Test]
    public async Task StaysHiddenWhenMovedLaterAndComesOutWhenMovedToThePast()
    {
        var author = await Client.RegisterAsync();
        var scheduled = await Client.WritePostAsync(author, new { title = "Scheduled", body = "Soon", publishedDate = PublishingRequests.Instant(clock.Now.AddMinutes(10)) });

        var moved = await Client.PatchPostAsync(scheduled, author, $$"""{"publishedDate":"{{PublishingRequests.Instant(clock.Now.AddDays(2))}}"}""");
        clock.Advance(TimeSpan.FromMinutes(10));
        var stillHidden = await Client.StatusOfAsync(BlogClient.Href(scheduled, "self"));
        var backdated = await Client.PatchPostAsync(moved, author, $$"""{"publishedDate":"{{PublishingRequests.Instant(clock.Now.AddDays(-1))}}"}""");
        var user = await Client.GetJsonAsAsync($"/users/{author}", null);

        Assert.Multiple(() =>
        {
            Assert.That(stillHidden, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(backdated["publishedDate"]!.GetValue<string>(), Is.EqualTo(PublishingRequests.Instant(clock.Now.AddDays(-1))));
            Assert.That(user["postCount"]!.GetValue<int>(), Is.EqualTo(1));
        });
        Assert.That(await Client.StatusOfAsync(BlogClient.Href(scheduled, "self")), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task TakenBackBeforeItsInstantNeverComesOut()
    {
        var author = await Client.RegisterAsync();
        var at = clock.Now.AddMinutes(5);
        var scheduled = await Client.WritePostAsync(author, new { title = "Scheduled", body = "Soon", publishedDate = PublishingRequests.Instant(at) });

        await Client.PatchPostAsync(scheduled, author, """{"status":"draft"}""");
        clock.Now = at.AddMinutes(1);

        Assert.That(await Client.StatusOfAsync(BlogClient.Href(scheduled, "self")), Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await Client.GetJsonAsAsync($"/users/{author}", null))["postCount"]!.GetValue<int>(), Is.Zero);
        Assert.That(PublishingRequests.TotalItems(await Client.GetJsonAsAsync($"/posts?author={author}", null)), Is.Zero);
    }

    private async Task<int> PublicTotalAsync() => PublishingRequests.TotalItems(await Client.GetJsonAsAsync("/posts", null));

    /// <summary>What an anonymous reader sees of the author and the scheduled post.</summary>
    private async Task<Snapshot> SnapshotAsync(string author, string word, JsonNode scheduled)
    {
        var id = PublishingRequests.Id(scheduled);
        var all = await Client.AllItemsAsync("/posts?size=100", null);
        var byAuthor = await Client.GetJsonAsAsync($"/posts?author={author}", null);
        var found = await Client.GetJsonAsAsync($"/posts?q={word}", null);
        var user = await Client.GetJsonAsAsync($"/users/{author}", null);
        var users = await Client.AllItemsAsync("/users?size=100", null, "users");
        return new Snapshot(
            await Client.StatusOfAsync(BlogClient.Href(scheduled, "self")),
            all.Any(post => post["id"]!.GetValue<string>() == id),
            PublishingRequests.TotalItems(byAuthor),
            PublishingRequests.Ids(byAuthor).Contains(id),
            PublishingRequests.TotalItems(found),
            PublishingRequests.Ids(found).Contains(id),
            user["postCount"]!.GetValue<int>(),
            users.Single(listed => listed["username"]!.GetValue<string>() == author)["postCount"]!.GetValue<int>());
    }

    private sealed record Snapshot(
        HttpStatusCode Get, bool InPosts, int AuthorTotal, bool InAuthorsPosts, int SearchTotal, bool Found, int PostCount, int PostCountInUsers);
}
