using Blog.Infrastructure.Data;
using Blog.Tests.Unit;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Tests.Integration;

/// <summary>
/// Drafts and scheduled posts carry tags that readers must not see counted, until a scheduled post's instant comes on
/// the service's own clock, which this fixture moves.
/// </summary>
public sealed class TagsOfPostsNotYetPublic(DatabaseProvider provider) : IntegrationTest(provider)
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private string author = null!;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);

    [SetUp]
    public async Task RegisterAuthor() => author = await Client.RegisterAsync();

    [Test]
    public async Task LeavesOutTheTagsOfADraft()
    {
        var name = TaggedPosts.UniqueTag();
        await Client.CreateTaggedPostAsync(author, [name], status: "draft");

        Assert.Multiple(async () =>
        {
            Assert.That((await Client.AllTagsAsync()).Select(tag => tag.Name), Does.Not.Contain(name));
            Assert.That(await Client.PublicCountAsync(name), Is.EqualTo(0));
        });
    }

    [Test]
    public async Task ShowsAScheduledPostsTagsFromItsInstantOn()
    {
        var name = TaggedPosts.UniqueTag();
        await Client.CreateTaggedPostAsync(author, [name], status: "published", publishedDate: clock.Now.AddHours(1));
        var before = await SeenAsync(name);

        clock.Advance(TimeSpan.FromHours(1));
        var at = await SeenAsync(name);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo((false, 0, 0)), "listed, counted, posts with the tag: before the instant");
            Assert.That(at, Is.EqualTo((true, 1, 1)), "listed, counted, posts with the tag: at the instant");
        });
    }

    [Test]
    public async Task CountsTheTagsAScheduledPostWasGivenWhileWaiting()
    {
        var (first, second) = (TaggedPosts.UniqueTag(), TaggedPosts.UniqueTag());
        var post = await Client.CreateTaggedPostAsync(author, [first], status: "published", publishedDate: clock.Now.AddHours(1));
        await Client.PatchAsync(post, author, $$"""{"tags":["{{second}}"]}""");
        var before = (await Client.PublicCountAsync(first), await Client.PublicCountAsync(second));

        clock.Advance(TimeSpan.FromHours(1));
        var at = (await Client.PublicCountAsync(first), await Client.PublicCountAsync(second));

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo((0, 0)), "before the instant");
            Assert.That(at, Is.EqualTo((0, 1)), "at the instant");
        });
    }

    [Test]
    public async Task StopsCountingAPublicPostRescheduledForLater()
    {
        var name = TaggedPosts.UniqueTag();
        var post = await Client.CreateTaggedPostAsync(author, [name]);
        await Client.CreateTaggedPostAsync(author, [name]);
        var publishedDate = clock.Now.AddHours(1).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);

        await Client.PatchAsync(post, author, $$"""{"publishedDate":"{{publishedDate}}"}""");
        var rescheduled = await Client.PublicCountAsync(name);
        clock.Advance(TimeSpan.FromHours(1));

        Assert.That((rescheduled, await Client.PublicCountAsync(name)), Is.EqualTo((1, 2)));
    }

    [Test]
    public async Task CountsOnlyThePublicPostsOfATagScheduledPostsShareAndOrdersByThatCount()
    {
        var (shared, other) = (TaggedPosts.UniqueTag("b"), TaggedPosts.UniqueTag("a"));
        await Client.CreateTaggedPostAsync(author, [shared]);
        await Client.CreateTaggedPostAsync(author, [shared], status: "published", publishedDate: clock.Now.AddHours(1));
        await Client.CreateTaggedPostAsync(author, [shared], status: "published", publishedDate: clock.Now.AddHours(2));
        await Client.CreateTaggedPostAsync(author, [other]);
        await Client.CreateTaggedPostAsync(author, [other]);
        var before = await OrderAndCountsAsync(shared, other);

        clock.Advance(TimeSpan.FromHours(2));
        var after = await OrderAndCountsAsync(shared, other);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(new[] { (other, 2), (shared, 1) }), "before either instant");
            Assert.That(after, Is.EqualTo(new[] { (shared, 3), (other, 2) }), "after both");
        });
    }

    [Test]
    public async Task PagesByPublicCountsThroughTagsThatScheduledPostsShare()
    {
        var names = Enumerable.Range(0, 4).Select(i => TaggedPosts.UniqueTag($"p{i}")).ToList();
        foreach (var name in names)
        {
            await Client.CreateTaggedPostAsync(author, [name]);
        }

        // Stored counts 3, 1, 2, 1; public counts 1 each, so the four follow one another by name.
        await Client.CreateTaggedPostAsync(author, [names[0], names[2]], status: "published", publishedDate: clock.Now.AddDays(1));
        await Client.CreateTaggedPostAsync(author, [names[0]], status: "published", publishedDate: clock.Now.AddDays(1));

        var seen = (await Client.AllTagsAsync(size: 1)).Where(tag => names.Contains(tag.Name)).ToList();

        Assert.That(seen, Is.EqualTo(names.Order(StringComparer.Ordinal).Select(name => (name, 1))));
    }

    /// <summary>Whether <c>/tags</c> lists the tag, its postCount, and how many posts <c>?tag=</c> finds.</summary>
    private async Task<(bool Listed, int Count, int Posts)> SeenAsync(string name)
    {
        var listed = (await Client.AllTagsAsync()).Any(tag => tag.Name == name);
        var posts = await Client.GetJsonAsync($"{await Client.RootLinkAsync("posts")}?tag={name}");
        return (listed, await Client.PublicCountAsync(name), posts["totalItems"]!.GetValue<int>());
    }

    /// <summary>The named tags as <c>/tags</c> orders and counts them.</summary>
    private async Task<(string, int)[]> OrderAndCountsAsync(params string[] names) =>
        [.. (await Client.AllTagsAsync()).Where(tag => names.Contains(tag.Name))];
}
