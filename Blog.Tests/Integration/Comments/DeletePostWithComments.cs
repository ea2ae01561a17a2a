using System.Net;
using Blog.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Tests.Integration.Comments;

public sealed class DeletePostWithComments(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task DeletesThePostsCommentsWithIt()
    {
        var author = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(author);
        var comment = await Client.CreateCommentAsync(await Client.RegisterAsync(), post, "one");
        await Client.CreateCommentAsync(author, post, "two");
        var postId = post["id"]!.GetValue<Guid>();
        Assert.That(await StoredCommentsAsync(postId), Is.EqualTo(2));

        using var delete = await Client.SendAsync(HttpMethod.Delete, BlogClient.Href(post, "self"), author);
        using var get = await Client.Http.GetAsync(BlogClient.Href(comment, "self"));

        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await StoredCommentsAsync(postId), Is.Zero, "the database keeps comments of a deleted post");
        await BlogClient.AssertProblemAsync(get, HttpStatusCode.NotFound);
    }

    /// <summary>Read from the database itself: over HTTP a comment of a deleted post is 404 whether or not its row is left.</summary>
    private async Task<int> StoredCommentsAsync(Guid postId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        return await db.Comments.CountAsync(comment => comment.PostId == postId);
    }
}
