using AutoMapper;
using Blog.Api.Comments;
using Blog.Domain;
using Blog.Domain.Comments;

namespace Blog.Tests.Unit.Mapping;

public sealed class CommentMapping
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, 123, TimeSpan.Zero);
    private static readonly Guid PostId = Guid.CreateVersion7();

    private LinkHost host = null!;
    private IMapper mapper = null!;
    private Comment comment = null!;

    [SetUp]
    public void SetUp()
    {
        host = new LinkHost();
        mapper = host.CreateMapper(MappingProfiles.Create());
        comment = Comment.Create(PostId, "Nice post!", new Actor(Guid.NewGuid(), "morty"), Now);
        comment.Edit("Nice post! (edited)", Now.AddMinutes(5));
    }

    [TearDown]
    public async Task TearDown() => await host.DisposeAsync();

    [Test]
    public void CopiesEveryMemberOfTheComment()
    {
        var dto = mapper.Map<CommentDto>(comment);

        Assert.Multiple(() =>
        {
            Assert.That(dto.Id, Is.EqualTo(comment.Id));
            Assert.That(dto.Body, Is.EqualTo("Nice post! (edited)"));
            Assert.That(dto.AuthorName, Is.EqualTo("morty"));
            Assert.That(dto.PostedDate, Is.EqualTo(Now.UtcDateTime));
            Assert.That(dto.UpdatedDate, Is.EqualTo(Now.AddMinutes(5).UtcDateTime));
        });
    }

    [Test]
    public void LinksToTheCommentItsPostAndItsAuthorWithAbsoluteUrls()
    {
        var links = mapper.Map<CommentDto>(comment).Links;

        Assert.Multiple(() =>
        {
            Assert.That(links.Self.Href, Is.EqualTo($"{LinkHost.BaseUrl}/comments/{comment.Id:D}"));
            Assert.That(links.Post.Href, Is.EqualTo($"{LinkHost.BaseUrl}/posts/{PostId:D}"));
            Assert.That(links.Author.Href, Is.EqualTo($"{LinkHost.BaseUrl}/users/morty"));
        });
    }
}
