using System.Net;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary>A tag's postCount after every kind of write that changes which public posts carry it.</summary>
public sealed class TagCounts(DatabaseProvider provider) : IntegrationTest(provider)
{
    private string author = null!;

    [SetUp]
    public async Task RegisterAuthor() => author = await Client.RegisterAsync();

    [Test]
    public async Task CountsEachCreatedPost()
    {
        var (a, b) = (TaggedPosts.UniqueTag(), TaggedPosts.UniqueTag());
        await Client.CreateTaggedPostAsync(author, [a, b]);
        await Client.CreateTaggedPostAsync(author, [a]);

        Assert.That((await Client.PublicCountAsync(a), await Client.PublicCountAsync(b)), Is.EqualTo((2, 1)));
    }

    [Test]
    public async Task CountsEachTagOnceWhenAPostNamesItTwice()
    {
        var a = TaggedPosts.UniqueTag();
        await Client.CreateTaggedPostAsync(author, [a, a.ToUpperInvariant(), $" {a} "]);

        Assert.That(await Client.PublicCountAsync(a), Is.EqualTo(1));
    }

    [Test]
    public async Task MovesCountsWhenAPutChangesTheTags()
    {
        var (a, b, c) = (TaggedPosts.UniqueTag(), TaggedPosts.UniqueTag(), TaggedPosts.UniqueTag());
        var post = await Client.CreateTaggedPostAsync(author, [a, b]);

        using var response = await Client.SendAsync(HttpMethod.Put, BlogClient.Href(post, "self"), author, BlogClient.Json(TaggedPosts.PostJson([b, c])));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await CountsAsync(a, b, c), Is.EqualTo(new[] { 0, 1, 1 }));
    }

    [Test]
    public async Task KeepsCountsWhenAPutLeavesTheTagsOut()
    {
        var a = TaggedPosts.UniqueTag();
        var post = await Client.CreateTaggedPostAsync(author, [a]);

        using var response = await Client.SendAsync(HttpMethod.Put, BlogClient.Href(post, "self"), author, BlogClient.Json("""{"title":"v1 client","body":"no tags member"}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await Client.PublicCountAsync(a), Is.EqualTo(1));
    }

    [Test]
    public async Task MovesCountsWhenAPatchChangesTheTags()
    {
        var (a, b) = (TaggedPosts.UniqueTag(), TaggedPosts.UniqueTag());
        var post = await Client.CreateTaggedPostAsync(author, [a]);

        post = await Client.PatchAsync(post, author, $$"""{"tags":["{{b}}"]}""");
        var afterReplacing = await CountsAsync(a, b);
        await Client.PatchAsync(post, author, """{"tags":[]}""");
        var afterClearing = await CountsAsync(a, b);

        Assert.Multiple(() =>
        {
            Assert.That(afterReplacing, Is.EqualTo(new[] { 0, 1 }));
            Assert.That(afterClearing, Is.EqualTo(new[] { 0, 0 }));
        });
    }

    [Test]
    public async Task KeepsCountsWhenAPatchChangesOnlyTheTitle()
    {
        var a = TaggedPosts.UniqueTag();
        var post = await Client.CreateTaggedPostAsync(author, [a]);

        await Client.PatchAsync(post, author, """{"title":"Retitled"}""");

        Assert.That(await Client.PublicCountAsync(a), Is.EqualTo(1));
    }

    [Test]
    public async Task CountsADraftFromItsPublishing()
    {
        var a = TaggedPosts.UniqueTag();
        var draft = await Client.CreateTaggedPostAsync(author, [a], status: "draft");
        var whileDraft = await Client.PublicCountAsync(a);

        await Client.PatchAsync(draft, author, """{"status":"published"}""");
        var published = await Client.PublicCountAsync(a);

        Assert.That((whileDraft, published), Is.EqualTo((0, 1)));
    }

    [Test]
    public async Task StopsCountingAPostTakenBackToDraft()
    {
        var (a, b) = (TaggedPosts.UniqueTag(), TaggedPosts.UniqueTag());
        var post = await Client.CreateTaggedPostAsync(author, [a, b]);
        await Client.CreateTaggedPostAsync(author, [b]);

        await Client.PatchAsync(post, author, """{"status":"draft"}""");

        Assert.That(await CountsAsync(a, b), Is.EqualTo(new[] { 0, 1 }));
    }

    [Test]
    public async Task CountsTheTagsADraftGainedOnceItIsPublished()
    {
        var (a, b) = (TaggedPosts.UniqueTag(), TaggedPosts.UniqueTag());
        var draft = await Client.CreateTaggedPostAsync(author, [a], status: "draft");

        draft = await Client.PatchAsync(draft, author, $$"""{"tags":["{{b}}"]}""");
        var whileDraft = await CountsAsync(a, b);
        await Client.PatchAsync(draft, author, """{"status":"published"}""");
        var published = await CountsAsync(a, b);

        Assert.Multiple(() =>
        {
            Assert.That(whileDraft, Is.EqualTo(new[] { 0, 0 }));
            Assert.That(published, Is.EqualTo(new[] { 0, 1 }));
        });
    }

    [Test]
    public async Task StopsCountingADeletedPost()
    {
        var a = TaggedPosts.UniqueTag();
        var first = await Client.CreateTaggedPostAsync(author, [a]);
        var second = await Client.CreateTaggedPostAsync(author, [a]);

        await DeleteAsync(first);
        var afterOne = await Client.PublicCountAsync(a);
        await DeleteAsync(second);
        var afterBoth = await Client.PublicCountAsync(a);

        Assert.That((afterOne, afterBoth), Is.EqualTo((1, 0)));
    }

    [Test]
    public async Task LeavesATagWithNoPublicPostOutOfTheList()
    {
        var a = TaggedPosts.UniqueTag();
        var post = await Client.CreateTaggedPostAsync(author, [a]);
        var whilePublic = (await Client.AllTagsAsync()).Select(tag => tag.Name).ToList();

        await DeleteAsync(post);
        var afterDelete = (await Client.AllTagsAsync()).Select(tag => tag.Name).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(whilePublic, Does.Contain(a));
            Assert.That(afterDelete, Does.Not.Contain(a));
        });
    }

    private async Task<int[]> CountsAsync(params string[] names)
    {
        var counts = new int[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            counts[i] = await Client.PublicCountAsync(names[i]);
        }

        return counts;
    }

    private async Task DeleteAsync(JsonNode post)
    {
        using var response = await Client.SendAsync(HttpMethod.Delete, BlogClient.Href(post, "self"), author);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }
}
