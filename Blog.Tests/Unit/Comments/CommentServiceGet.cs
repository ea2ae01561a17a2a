using Blog.Domain.Comments;
using Blog.Domain.Errors;
using Blog.Domain.Posts;

namespace Blog.Tests.Unit.Comments;

public sealed class CommentServiceGet : CommentServiceTestBase
{
    [Test]
    public async Task ReturnsACommentOnAPublicPostToAnyone() =>
        Assert.That(await Service.GetAsync(Stored.Id, null, CancellationToken.None), Is.SameAs(Stored));

    [Test]
    public void ThrowsNotFoundForAnUnknownId() =>
        Assert.ThrowsAsync<NotFoundException>(() => Service.GetAsync(Guid.NewGuid(), null, CancellationToken.None));

    [Test]
    public async Task ReturnsACommentOnADraftToThePostsAuthor()
    {
        var onDraft = StoreComment(Comment.Create(Draft.Id, "Note", PostAuthor, Posted));

        Assert.That(await Service.GetAsync(onDraft.Id, PostAuthor.UserId, CancellationToken.None), Is.SameAs(onDraft));
    }

    [Test]
    public void ThrowsNotFoundForACommentOnADraftGivenAnotherUser()
    {
        var onDraft = StoreComment(Comment.Create(Draft.Id, "Note", PostAuthor, Posted));

        Assert.ThrowsAsync<NotFoundException>(() => Service.GetAsync(onDraft.Id, Commenter.UserId, CancellationToken.None));
    }

    /// <summary>A post taken back to a draft hides the comments others wrote on it from them too.</summary>
    [Test]
    public void ThrowsNotFoundToItsOwnAuthorWhenThePostIsNoLongerPublic()
    {
        var takenBack = StorePost(Post.Create(new PostContent("Taken back", "Body"), PostAuthor, Posted));
        var comment = StoreComment(Comment.Create(takenBack.Id, "Mine", Commenter, Posted));
        takenBack.Edit(new PostContent("Taken back", "Body"), Publishing.Draft, Now);

        Assert.ThrowsAsync<NotFoundException>(() => Service.GetAsync(comment.Id, Commenter.UserId, CancellationToken.None));
    }

    [Test]
    public void ThrowsNotFoundWhenThePostIsGone()
    {
        var orphan = StoreComment(Comment.Create(Guid.NewGuid(), "Orphan", Commenter, Posted));

        Assert.ThrowsAsync<NotFoundException>(() => Service.GetAsync(orphan.Id, Commenter.UserId, CancellationToken.None));
    }
}
