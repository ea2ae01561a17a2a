using AutoMapper;
using Blog.Api.Posts;
using Blog.Domain;
using Blog.Domain.Posts;

namespace Blog.Tests.Unit.Mapping;

public sealed class PostMapping
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, 123, TimeSpan.Zero);

    private LinkHost host = null!;
    private IMapper mapper = null!;
    private Post post = null!;

    [SetUp]
    public void SetUp()
    {
        host = new LinkHost();
        mapper = host.CreateMapper(MappingProfiles.Create());
        post = Post.Create(new PostContent("First!", "First post!"), new Actor(Guid.NewGuid(), "rick"), Now);
        post.Edit(new PostContent("First!", "Edited"), null, Now.AddMinutes(5));
    }

    [TearDown]
    public async Task TearDown() => await host.DisposeAsync();

    [Test]
    public void CopiesEveryMemberOfThePost()
    {
        var dto = mapper.Map<PostDto>(post);

        Assert.Multiple(() =>
        {
            Assert.That(dto.Id, Is.EqualTo(post.Id));
            Assert.That(dto.Title, Is.EqualTo("First!"));
            Assert.That(dto.Body, Is.EqualTo("Edited"));
            Assert.That(dto.AuthorName, Is.EqualTo("rick"));
            Assert.That(dto.PostedDate, Is.EqualTo(Now.UtcDateTime));
            Assert.That(dto.UpdatedDate, Is.EqualTo(Now.AddMinutes(5).UtcDateTime));
            Assert.That(dto.UpdatedDate.Kind, Is.EqualTo(DateTimeKind.Utc));
        });
    }

    [Test]
    public void LinksToThePostItsAuthorTheCollectionAndItsCommentsWithAbsoluteUrls()
    {
        var links = mapper.Map<PostDto>(post).Links;

        Assert.Multiple(() =>
        {
            Assert.That(links.Self.Href, Is.EqualTo($"{LinkHost.BaseUrl}/posts/{post.Id:D}"));
            Assert.That(links.Author.Href, Is.EqualTo($"{LinkHost.BaseUrl}/users/rick"));
            Assert.That(links.Collection.Href, Is.EqualTo($"{LinkHost.BaseUrl}/posts"));
            Assert.That(links.Comments.Href, Is.EqualTo($"{LinkHost.BaseUrl}/posts/{post.Id:D}/comments"));
        });
    }

    [Test]
    public void MapsEveryPostOfAList()
    {
        var other = Post.Create(new PostContent("Second", "Second post"), new Actor(Guid.NewGuid(), "morty"), Now);

        var dtos = mapper.Map<List<PostDto>>(new List<Post> { post, other });

        Assert.That(dtos.Select(dto => (dto.Id, dto.Title, dto.Links.Author.Href)), Is.EqualTo(new[]
        {
            (post.Id, "First!", $"{LinkHost.BaseUrl}/users/rick"),
            (other.Id, "Second", $"{LinkHost.BaseUrl}/users/morty"),
        }));
    }
}
