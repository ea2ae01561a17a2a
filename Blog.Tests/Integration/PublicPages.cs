using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;
using Blog.Tests.Unit;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Tests.Integration;

/// <summary>
/// Every shape of the public list (all posts, by author, by tag, by both; the first page, next and prev pages) on a
/// database of its own whose posts share their publishing instants: pages follow (publishedDate, id) newest first, ids
/// compared as their canonical text, and neither repeat nor skip a post across a tie; scheduled posts and drafts are
/// on no page and in no count.
/// </summary>
public sealed class PublicPages(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Tag = "tied";

    /// <summary>The clock stands still unless a test moves it, so the posts written at one instant tie.</summary>
    private readonly FakeTimeProvider clock = new(PublishingRequests.WholeMillisecondNow());

    private string author = null!;
    private readonly List<(string Id, DateTimeOffset Published, string Author, bool Tagged)> published = [];

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);

    [OneTimeSetUp]
    public async Task WritePostsThatTie()
    {
        author = await Client.RegisterAsync(BlogClient.UniqueName("tier"));
        var other = await Client.RegisterAsync(BlogClient.UniqueName("other"));
        for (var i = 0; i < 5; i++)
        {
            await PublishAsync(author, tagged: i % 2 == 0);
        }

        await PublishAsync(other, tagged: true);
        await PublishAsync(other, tagged: false);
        clock.Advance(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 3; i++)
        {
            await PublishAsync(author, tagged: i != 1);
        }

        await PublishAsync(other, tagged: true);

        // Newest of all, and tied with the newest public posts once public: neither is on a page nor counted.
        await Client.WritePostAsync(author, new { title = "Scheduled", body = "Later", tags = new[] { Tag }, publishedDate = PublishingRequests.Instant(clock.Now.AddHours(1)) });
        await Client.WritePostAsync(author, new { title = "Draft", body = "Not yet", tags = new[] { Tag }, status = "draft" });
    }

    [TestCase(false, false)]
    [TestCase(true, false)]
    [TestCase(false, true)]
    [TestCase(true, true)]
    public async Task PagesForwardThroughThePublicPostsOnceInOrder(bool byAuthor, bool byTag)
    {
        var expected = Expected(byAuthor, byTag);
        var pages = await PagesForwardAsync(Url(byAuthor, byTag));

        Assert.Multiple(() =>
        {
            Assert.That(pages.SelectMany(page => PublishingRequests.Ids(page)), Is.EqualTo(expected));
            Assert.That(pages.Select(PublishingRequests.TotalItems), Has.All.EqualTo(expected.Count));
            Assert.That(pages[0]["_links"]!["prev"], Is.Null);
        });
    }

    [TestCase(false, false)]
    [TestCase(true, false)]
    [TestCase(false, true)]
    [TestCase(true, true)]
    public async Task PagesBackFromTheLastPageThroughTheSamePages(bool byAuthor, bool byTag)
    {
        var forward = await PagesForwardAsync(Url(byAuthor, byTag));
        var backward = new List<JsonNode> { forward[^1] };
        while (backward[^1]["_links"]!["prev"] is not null)
        {
            backward.Add(await Client.GetJsonAsync(BlogClient.Href(backward[^1], "prev")));
        }

        backward.Reverse();
        Assert.Multiple(() =>
        {
            Assert.That(backward.Select(page => PublishingRequests.Ids(page)), Is.EqualTo(forward.Select(page => PublishingRequests.Ids(page))));
            Assert.That(backward.Select(PublishingRequests.TotalItems), Has.All.EqualTo(Expected(byAuthor, byTag).Count));
        });
    }

    [Test]
    public async Task PointsBackFromAPageAfterTheLast()
    {
        var forward = await PagesForwardAsync(Url(byAuthor: true, byTag: false));
        var afterTheLastButOne = BlogClient.Href(forward[^2], "next");

        // The last page's posts are deleted: reading on from the page before finds nothing, but a way back.
        var last = PublishingRequests.Ids(forward[^1]);
        foreach (var id in last)
        {
            using var delete = await Client.SendAsync(HttpMethod.Delete, $"/posts/{id}", author);
            Assert.That(delete.IsSuccessStatusCode, Is.True);
        }

        try
        {
            var empty = await Client.GetJsonAsync(afterTheLastButOne);
            Assert.Multiple(() =>
            {
                Assert.That(PublishingRequests.Ids(empty), Is.Empty);
                Assert.That(empty["_links"]!["next"], Is.Null);
                Assert.That(empty["_links"]!["prev"], Is.Not.Null);
            });
        }
        finally
        {
            published.RemoveAll(post => last.Contains(post.Id));
        }
    }

    private static List<string> Ordered(IEnumerable<(string Id, DateTimeOffset Published, string Author, bool Tagged)> posts) =>
        [.. posts.OrderByDescending(post => post.Published)
            .ThenByDescending(post => post.Id.ToUpperInvariant(), StringComparer.Ordinal)
            .Select(post => post.Id)];

    private List<string> Expected(bool byAuthor, bool byTag) =>
        Ordered(published.Where(post => (!byAuthor || post.Author == author) && (!byTag || post.Tagged)));

    private string Url(bool byAuthor, bool byTag) =>
        "/posts?size=2" + (byAuthor ? $"&author={author}" : "") + (byTag ? $"&tag={Tag}" : "");

    private async Task<List<JsonNode>> PagesForwardAsync(string url)
    {
        var pages = new List<JsonNode> { await Client.GetJsonAsync(url) };
        while (pages[^1]["_links"]!["next"] is not null)
        {
            pages.Add(await Client.GetJsonAsync(BlogClient.Href(pages[^1], "next")));
        }

        return pages;
    }

    private async Task PublishAsync(string user, bool tagged)
    {
        var post = await Client.WritePostAsync(user, new { title = "Tie", body = "Same instant", tags = tagged ? new[] { Tag } : [] });
        published.Add((PublishingRequests.Id(post), clock.Now, user, tagged));
    }
}
