using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration.Comments;

/// <summary>A post's <c>commentCount</c> is part of its representation: its ETag changes with it, its updatedDate does not.</summary>
public sealed class PostCommentCount(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task ACommentCountsOnThePostAndChangesItsETagButNotItsDates()
    {
        var author = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(author);
        var (before, beforeTag) = await ReadAsync(post, null);

        await Client.CreateCommentAsync(await Client.RegisterAsync(), post);
        var (after, afterTag) = await ReadAsync(post, beforeTag);

        Assert.Multiple(() =>
        {
            Assert.That(before!["commentCount"]!.GetValue<int>(), Is.Zero);
            Assert.That(after, Is.Not.Null, "a GET with the ETag from before the comment must not be 304");
            Assert.That(after!["commentCount"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(afterTag, Is.Not.EqualTo(beforeTag));
            Assert.That(after["updatedDate"]!.GetValue<string>(), Is.EqualTo(before["updatedDate"]!.GetValue<string>()));
        });
    }

    [Test]
    public async Task DeletingACommentUncountsItAndChangesThePostsETag()
    {
        var author = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(author);
        var first = await Client.CreateCommentAsync(author, post, "one");
        await Client.CreateCommentAsync(author, post, "two");
        var (_, beforeTag) = await ReadAsync(post, null);

        using (var deleted = await Client.SendAsync(HttpMethod.Delete, BlogClient.Href(first, "self"), author))
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        var (after, afterTag) = await ReadAsync(post, beforeTag);
        Assert.That(after, Is.Not.Null, "a GET with the ETag from before the delete must not be 304");
        Assert.That(after!["commentCount"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(afterTag, Is.Not.EqualTo(beforeTag));
    }

    [Test]
    public async Task CountsEveryOneOfConcurrentComments()
    {
        var author = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(author);
        var (_, beforeTag) = await ReadAsync(post, null);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Client.CreateCommentResponseAsync(author, post, $"Racing {i}")));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
        var (after, _) = await ReadAsync(post, beforeTag);
        Assert.That(after!["commentCount"]!.GetValue<int>(), Is.EqualTo(8));
        Assert.That((await Client.GetJsonAsync(BlogClient.Href(post, "comments")))["_embedded"]!["comments"]!.AsArray(), Has.Count.EqualTo(8));
    }

    [Test]
    public async Task AnEditOfTheCommentLeavesThePostAsItWas()
    {
        var author = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(author);
        var comment = await Client.CreateCommentAsync(author, post, "one");
        var (_, beforeTag) = await ReadAsync(post, null);

        using (await Client.SendAsync(HttpMethod.Patch, BlogClient.Href(comment, "self"), author, BlogClient.Json("""{"body":"uno"}""", "application/merge-patch+json")))
        {
        }

        var (after, _) = await ReadAsync(post, beforeTag);
        Assert.That(after, Is.Null, "the post's representation did not change, so its ETag still matches");
    }

    [Test]
    public async Task AWriteOfThePostWithTheETagFromBeforeACommentIs412()
    {
        var author = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(author);
        var (_, beforeTag) = await ReadAsync(post, null);
        await Client.CreateCommentAsync(author, post);

        using var patch = await Client.SendAsync(
            HttpMethod.Patch, BlogClient.Href(post, "self"), author, BlogClient.Json("""{"title":"Edited"}""", "application/merge-patch+json"),
            r => r.Headers.IfMatch.Add(beforeTag));

        await BlogClient.AssertProblemAsync(patch, HttpStatusCode.PreconditionFailed);
    }

    [Test]
    public async Task ACommentKeepsNoRevisionOfThePost()
    {
        var author = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(author);

        await Client.CreateCommentAsync(author, post);

        using var revisions = await Client.SendAsync(HttpMethod.Get, BlogClient.Href(post, "revisions"), author);
        Assert.That(revisions.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await BlogClient.ReadJsonAsync(revisions))["totalItems"]!.GetValue<int>(), Is.Zero);
    }

    /// <summary>The post and its ETag; the post is null when the service answered 304 to <paramref name="ifNoneMatch"/>.</summary>
    private async Task<(JsonNode? Post, EntityTagHeaderValue Tag)> ReadAsync(JsonNode post, EntityTagHeaderValue? ifNoneMatch)
    {
        using var response = await Client.SendAsync(HttpMethod.Get, BlogClient.Href(post, "self"), configure: r =>
        {
            if (ifNoneMatch is not null)
            {
                r.Headers.IfNoneMatch.Add(ifNoneMatch);
            }
        });
        var read = response.StatusCode == HttpStatusCode.NotModified ? null : await BlogClient.ReadJsonAsync(response);
        return (read, response.Headers.ETag!);
    }
}
