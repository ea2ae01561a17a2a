using AutoMapper;
using Blog.Api.Users;
using Blog.Domain.Users;

namespace Blog.Tests.Unit.Mapping;

public sealed class UserMapping
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, 123, TimeSpan.Zero);

    private LinkHost host = null!;
    private IMapper mapper = null!;
    private User user = null!;

    [SetUp]
    public void SetUp()
    {
        host = new LinkHost();
        mapper = host.CreateMapper(MappingProfiles.Create());
        user = User.Register("Rick", "Rick Sanchez", "secret-hash", Now);
    }

    [TearDown]
    public async Task TearDown() => await host.DisposeAsync();

    [Test]
    public void CopiesEveryPublicMemberOfTheUser()
    {
        var dto = mapper.Map<UserDto>(user);

        Assert.Multiple(() =>
        {
            Assert.That(dto.Username, Is.EqualTo("Rick"));
            Assert.That(dto.DisplayName, Is.EqualTo("Rick Sanchez"));
            Assert.That(dto.JoinedDate, Is.EqualTo(Now.UtcDateTime));
            Assert.That(dto.JoinedDate.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(dto.PostCount, Is.Zero);
        });
    }

    [Test]
    public void LinksToTheUserAndTheirPostsWithAbsoluteUrls()
    {
        var links = mapper.Map<UserDto>(user).Links;

        Assert.Multiple(() =>
        {
            Assert.That(links.Self.Href, Is.EqualTo($"{LinkHost.BaseUrl}/users/Rick"));
            Assert.That(links.Posts.Href, Is.EqualTo($"{LinkHost.BaseUrl}/posts?author=Rick"));
        });
    }

    [Test]
    public void GivesMeItsOwnProfilePostsAndTokensLinks()
    {
        var me = mapper.Map<MeDto>(user);

        Assert.Multiple(() =>
        {
            Assert.That(me.Username, Is.EqualTo("Rick"));
            Assert.That(me.DisplayName, Is.EqualTo("Rick Sanchez"));
            Assert.That(me.JoinedDate, Is.EqualTo(Now.UtcDateTime));
            Assert.That(me.Links.Self.Href, Is.EqualTo($"{LinkHost.BaseUrl}/me"));
            Assert.That(me.Links.Profile.Href, Is.EqualTo($"{LinkHost.BaseUrl}/users/Rick"));
            Assert.That(me.Links.Posts.Href, Is.EqualTo($"{LinkHost.BaseUrl}/posts?author=Rick"));
            Assert.That(me.Links.Tokens.Href, Is.EqualTo($"{LinkHost.BaseUrl}/me/tokens"));
        });
    }
}
