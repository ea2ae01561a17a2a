using System.Text.Json.Nodes;
using Blog.Domain;
using Blog.Domain.Posts;
using Blog.Infrastructure.Data;
using Blog.Tests.Unit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Tests.Integration;

/// <summary>
/// A tag on more posts than are fetched and sorted (2,000): its pages walk the newest-first index instead, in the
/// same order, with the same counts, in both directions. The posts are written straight to the database (through
/// the API, each would wait for its own commit) in pairs that share an instant; the service keeps counts as it would.
/// </summary>
public sealed class PublicPagesOfACrowdedTag(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Tag = "crowded";
    private const int Seeded = 2_010;

    private readonly FakeTimeProvider clock = new(PublishingRequests.WholeMillisecondNow());
    private readonly List<Post> published = [];

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);

    [OneTimeSetUp]
    public async Task SeedTheTag()
    {
        var username = await Client.RegisterAsync(BlogClient.UniqueName("crowd"));
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
            var author = new Actor(await db.Users.Where(user => user.Username == username).Select(user => user.Id).SingleAsync(), username);
            for (var i = 0; i < Seeded; i++)
            {
                published.Add(Post.Create(new PostContent($"Crowded {i}", "Body", [Tag]), author, clock.Now.AddSeconds(-(i / 2))));
            }

            db.Posts.AddRange(published);
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "PostTags" ("PostId", "Name") SELECT "Id", {Tag} FROM "Posts" WHERE "AuthorId" = (SELECT "Id" FROM "Users" WHERE "Username" = {username})""");
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "Tags" ("Name", "PostCount") VALUES ({Tag}, {Seeded})""");
            await db.Database.ExecuteSqlAsync($"""UPDATE "Users" SET "PostCount" = "PostCount" + {Seeded} WHERE "Username" = {username}""");
        }

        // Through the API, so that the kept counts include the scheduled one: neither is on a page nor counted.
        await Client.WritePostAsync(username, new { title = "Scheduled", body = "Later", tags = new[] { Tag }, publishedDate = PublishingRequests.Instant(clock.Now.AddHours(1)) });
        await Client.WritePostAsync(username, new { title = "Draft", body = "Not yet", tags = new[] { Tag }, status = "draft" });
    }

    [Test]
    public async Task PagesForwardAndBackInOrderWithTheCount()
    {
        var expected = published.OrderByDescending(post => post.PublishedDate)
            .ThenByDescending(post => post.Id.ToString().ToUpperInvariant(), StringComparer.Ordinal)
            .Select(post => post.Id.ToString())
            .ToList();

        var forward = new List<JsonNode> { await Client.GetJsonAsync($"/posts?tag={Tag}&size=100") };
        while (forward[^1]["_links"]!["next"] is not null)
        {
            forward.Add(await Client.GetJsonAsync(BlogClient.Href(forward[^1], "next")));
        }

        var back = await Client.GetJsonAsync(BlogClient.Href(forward[10], "prev"));
        Assert.Multiple(() =>
        {
            Assert.That(forward.SelectMany(page => PublishingRequests.Ids(page)), Is.EqualTo(expected));
            Assert.That(forward.Select(PublishingRequests.TotalItems), Has.All.EqualTo(Seeded));
            Assert.That(PublishingRequests.Ids(back), Is.EqualTo(PublishingRequests.Ids(forward[9])));
            Assert.That(PublishingRequests.TotalItems(back), Is.EqualTo(Seeded));
        });
    }
}
