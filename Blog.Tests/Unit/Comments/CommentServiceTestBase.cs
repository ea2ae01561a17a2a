using Blog.Domain;
using Blog.Domain.Comments;
using Blog.Domain.Posts;
using Moq;

namespace Blog.Tests.Unit.Comments;

/// <summary>
/// A <see cref="CommentService"/> over mocked repositories: a public post and a draft by <see cref="PostAuthor"/>, and
/// <see cref="Stored"/>, a comment by <see cref="Commenter"/> on the public post.
/// </summary>
public abstract class CommentServiceTestBase
{
    protected static readonly DateTimeOffset Posted = new(2026, 11, 21, 10, 0, 0, 123, TimeSpan.Zero);
    protected static readonly DateTimeOffset Now = Posted.AddHours(1);

    protected static readonly Actor PostAuthor = new(Guid.NewGuid(), "rick");
    protected static readonly Actor Commenter = new(Guid.NewGuid(), "morty");
    protected static readonly Actor Stranger = new(Guid.NewGuid(), "summer");

    protected Mock<ICommentRepository> Comments { get; private set; } = null!;

    protected Mock<IPostRepository> Posts { get; private set; } = null!;

    protected FakeTimeProvider Time { get; private set; } = null!;

    protected CommentService Service { get; private set; } = null!;

    protected Post PublicPost { get; private set; } = null!;

    protected Post Draft { get; private set; } = null!;

    /// <summary>A comment by <see cref="Commenter"/> on <see cref="PublicPost"/>, at version 1.</summary>
    protected Comment Stored { get; private set; } = null!;

    [SetUp]
    public void SetUpService()
    {
        Comments = new Mock<ICommentRepository>();
        Posts = new Mock<IPostRepository>();
        Time = new FakeTimeProvider(Now);
        Service = new CommentService(Comments.Object, Posts.Object, Time);

        Posts.Setup(repository => repository.FindAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ReturnsAsync((Post?)null);
        Comments.Setup(repository => repository.FindAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ReturnsAsync((Comment?)null);
        PublicPost = StorePost(Post.Create(new PostContent("Public", "Body"), PostAuthor, Posted));
        Draft = StorePost(Post.Create(new PostContent("Draft", "Body"), PostAuthor, Posted, Publishing.Draft));
        Stored = StoreComment(Comment.Create(PublicPost.Id, "First!", Commenter, Posted.AddMinutes(1)));
    }

    protected Post StorePost(Post post)
    {
        Posts.Setup(repository => repository.FindAsync(post.Id, It.IsAny<CancellationToken>())).ReturnsAsync(post);
        return post;
    }

    protected Comment StoreComment(Comment comment)
    {
        Comments.Setup(repository => repository.FindAsync(comment.Id, It.IsAny<CancellationToken>())).ReturnsAsync(comment);
        return comment;
    }

    protected void AcceptAdds(CommentAddition addition = CommentAddition.Added) => Comments
        .Setup(repository => repository.TryAddAsync(It.IsAny<Comment>(), It.IsAny<IdempotencyRecord?>(), It.IsAny<CancellationToken>()))
        .ReturnsAsync(addition);

    protected void AcceptUpdates(bool accepted = true) => Comments
        .Setup(repository => repository.TryUpdateAsync(It.IsAny<Comment>(), It.IsAny<long>(), It.IsAny<CancellationToken>()))
        .ReturnsAsync(accepted);

    protected void AcceptDeletes(bool accepted = true) => Comments
        .Setup(repository => repository.TryDeleteAsync(It.IsAny<Comment>(), It.IsAny<long>(), It.IsAny<CancellationToken>()))
        .ReturnsAsync(accepted);

    protected void VerifyNothingWritten()
    {
        Comments.Verify(repository => repository.TryAddAsync(It.IsAny<Comment>(), It.IsAny<IdempotencyRecord?>(), It.IsAny<CancellationToken>()), Times.Never);
        Comments.Verify(repository => repository.TryUpdateAsync(It.IsAny<Comment>(), It.IsAny<long>(), It.IsAny<CancellationToken>()), Times.Never);
        Comments.Verify(repository => repository.TryDeleteAsync(It.IsAny<Comment>(), It.IsAny<long>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    protected static WritePreconditions IfMatch(long version) => new() { MatchingVersions = new HashSet<long> { version } };
}
