using Blog.Domain;
using Blog.Domain.Posts;
using Blog.Domain.Users;
using Moq;

namespace Blog.Tests.Unit.Posts;

/// <summary>A <see cref="PostService"/> over mocked repositories, with one stored post by <see cref="Author"/>.</summary>
public abstract class PostServiceTestBase
{
    protected static readonly DateTimeOffset Posted = new(2026, 11, 21, 10, 0, 0, 123, TimeSpan.Zero);
    protected static readonly DateTimeOffset Now = Posted.AddHours(1);

    protected static readonly Actor Author = new(Guid.NewGuid(), "rick");
    protected static readonly Actor Stranger = new(Guid.NewGuid(), "morty");

    protected Mock<IPostRepository> Posts { get; private set; } = null!;

    protected Mock<IUserRepository> Users { get; private set; } = null!;

    protected FakeTimeProvider Time { get; private set; } = null!;

    protected PostService Service { get; private set; } = null!;

    /// <summary>The post the repository finds by its id, at version 1.</summary>
    protected Post Stored { get; private set; } = null!;

    [SetUp]
    public void SetUpService()
    {
        Posts = new Mock<IPostRepository>();
        Users = new Mock<IUserRepository>();
        Time = new FakeTimeProvider(Now);
        Service = new PostService(Posts.Object, Users.Object, Time);

        Stored = Post.Create(new PostContent("Title", "Body"), Author, Posted);
        Posts.Setup(repository => repository.FindAsync(Stored.Id, It.IsAny<CancellationToken>())).ReturnsAsync(Stored);
        Posts.Setup(repository => repository.FindAsync(It.Is<Guid>(id => id != Stored.Id), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Post?)null);
    }

    /// <summary>Makes the repository find <paramref name="post"/> by its id too.</summary>
    protected Post Store(Post post)
    {
        Posts.Setup(repository => repository.FindAsync(post.Id, It.IsAny<CancellationToken>())).ReturnsAsync(post);
        return post;
    }

    /// <summary>A stored draft by <see cref="Author"/>, written at <see cref="Posted"/>.</summary>
    protected Post StoreDraft(PostContent? content = null) =>
        Store(Post.Create(content ?? new PostContent("Draft title", "Draft body"), Author, Posted, Publishing.Draft));

    protected void AcceptUpdates(bool accepted = true) => Posts
        .Setup(repository => repository.TryUpdateAsync(It.IsAny<PostEdit>(), It.IsAny<CancellationToken>()))
        .ReturnsAsync(accepted);

    protected void AcceptDeletes(bool accepted = true) => Posts
        .Setup(repository => repository.TryDeleteAsync(It.IsAny<Post>(), It.IsAny<long>(), It.IsAny<CancellationToken>()))
        .ReturnsAsync(accepted);

    protected void VerifyNothingWritten()
    {
        Posts.Verify(repository => repository.TryUpdateAsync(It.IsAny<PostEdit>(), It.IsAny<CancellationToken>()), Times.Never);
        Posts.Verify(repository => repository.TryDeleteAsync(It.IsAny<Post>(), It.IsAny<long>(), It.IsAny<CancellationToken>()), Times.Never);
        Posts.Verify(repository => repository.AddAsync(It.IsAny<Post>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
