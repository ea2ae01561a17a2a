using System.Text.Json;
using AutoMapper;
using Blog.Api.Json;
using Blog.Api.Tokens;
using Blog.Domain;
using Blog.Domain.Tokens;

namespace Blog.Tests.Unit.Mapping;

public sealed class AccessTokenMapping
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, 123, TimeSpan.Zero);

    private LinkHost host = null!;
    private IMapper mapper = null!;
    private IssuedAccessToken issued = null!;

    [SetUp]
    public void SetUp()
    {
        host = new LinkHost();
        mapper = host.CreateMapper(MappingProfiles.Create());
        var secret = AccessTokenSecret.Generate();
        var token = AccessToken.Issue(new Actor(Guid.CreateVersion7(), "rick"), "ci", AccessTokenScopes.Read | AccessTokenScopes.Write, AccessTokenSecret.Hash(secret), 30, Now);
        token.RecordUse(Now.AddHours(1));
        issued = new IssuedAccessToken(token, secret);
    }

    [TearDown]
    public async Task TearDown() => await host.DisposeAsync();

    [Test]
    public void CopiesEveryMemberButTheSecretAndItsHash()
    {
        var dto = mapper.Map<AccessTokenDto>(issued.Token);
        var json = JsonSerializer.Serialize(dto, Options());

        Assert.Multiple(() =>
        {
            Assert.That(dto.Id, Is.EqualTo(issued.Token.Id));
            Assert.That(dto.Name, Is.EqualTo("ci"));
            Assert.That(dto.Scopes, Is.EqualTo(new[] { "read", "write" }));
            Assert.That(dto.CreatedDate, Is.EqualTo(Now.UtcDateTime));
            Assert.That(dto.ExpiresDate, Is.EqualTo(Now.AddDays(30).UtcDateTime));
            Assert.That(dto.LastUsedDate, Is.EqualTo(Now.AddHours(1).UtcDateTime));
            Assert.That(json, Does.Not.Contain(issued.Secret).And.Not.Contain(Convert.ToBase64String(issued.Token.SecretHash)));
            Assert.That(json, Does.Not.Contain("\"token\"").And.Not.Contain("ash\""));
        });
    }

    [Test]
    public void ShowsTheSecretOnlyWhenTheTokenIsCreated()
    {
        var dto = mapper.Map<CreatedAccessTokenDto>(issued);

        Assert.Multiple(() =>
        {
            Assert.That(dto.Token, Is.EqualTo(issued.Secret));
            Assert.That(dto.Id, Is.EqualTo(issued.Token.Id));
            Assert.That(dto.Scopes, Is.EqualTo(new[] { "read", "write" }));
            Assert.That(dto.Links.Self.Href, Is.EqualTo($"{LinkHost.BaseUrl}/me/tokens/{issued.Token.Id:D}"));
        });
    }

    [Test]
    public void LinksToTheTokenAndItsCollectionWithAbsoluteUrls()
    {
        var links = mapper.Map<AccessTokenDto>(issued.Token).Links;

        Assert.Multiple(() =>
        {
            Assert.That(links.Self.Href, Is.EqualTo($"{LinkHost.BaseUrl}/me/tokens/{issued.Token.Id:D}"));
            Assert.That(links.Collection.Href, Is.EqualTo($"{LinkHost.BaseUrl}/me/tokens"));
        });
    }

    private static JsonSerializerOptions Options()
    {
        var options = new JsonSerializerOptions();
        JsonDefaults.Apply(options);
        return options;
    }
}
