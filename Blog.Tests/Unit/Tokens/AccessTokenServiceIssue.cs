using System.Security.Cryptography;
using System.Text;
using Blog.Domain.Errors;
using Blog.Domain.Tokens;
using Moq;

namespace Blog.Tests.Unit.Tokens;

public sealed class AccessTokenServiceIssue : AccessTokenServiceTestBase
{
    [Test]
    public async Task StoresTheSha256OfTheSecretAndNeverTheSecret()
    {
        AccessToken? stored = null;
        Tokens.Setup(repository => repository.AddAsync(It.IsAny<AccessToken>(), It.IsAny<CancellationToken>()))
            .Callback((AccessToken token, CancellationToken _) => stored = token);

        var issued = await Service.IssueAsync(Owner, "ci", ["read"], 30, CancellationToken.None);

        Assert.That(stored, Is.SameAs(issued.Token));
        Assert.Multiple(() =>
        {
            Assert.That(stored!.SecretHash, Is.EqualTo(SHA256.HashData(Encoding.UTF8.GetBytes(issued.Secret))));
            Assert.That(typeof(AccessToken).GetProperties().Where(property => property.PropertyType == typeof(string)).Select(property => property.GetValue(stored)),
                Has.None.EqualTo(issued.Secret));
        });
    }

    [Test]
    public async Task GivesASecretOfBlogAnd32RandomBytesInBase64Url()
    {
        var issued = await Service.IssueAsync(Owner, "ci", ["read"], 30, CancellationToken.None);
        var again = await Service.IssueAsync(Owner, "ci", ["read"], 30, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(issued.Secret, Does.Match("^blog_[A-Za-z0-9_-]{43}$"));
            Assert.That(System.Buffers.Text.Base64Url.DecodeFromChars(issued.Secret.AsSpan(5)), Has.Length.EqualTo(32));
            Assert.That(again.Secret, Is.Not.EqualTo(issued.Secret));
            Assert.That(again.Token.SecretHash, Is.Not.EqualTo(issued.Token.SecretHash));
        });
    }

    [Test]
    public async Task BelongsToTheOwnerAndExpiresTheGivenDaysFromNow()
    {
        var issued = await Service.IssueAsync(Owner, "deploy script", ["read", "write"], 30, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(issued.Token.UserId, Is.EqualTo(Owner.UserId));
            Assert.That(issued.Token.OwnerName, Is.EqualTo(Owner.Username));
            Assert.That(issued.Token.Name, Is.EqualTo("deploy script"));
            Assert.That(issued.Token.Scopes, Is.EqualTo(AccessTokenScopes.Read | AccessTokenScopes.Write));
            Assert.That(issued.Token.CreatedDate, Is.EqualTo(Now.UtcDateTime));
            Assert.That(issued.Token.ExpiresDate, Is.EqualTo(Now.AddDays(30).UtcDateTime));
            Assert.That(issued.Token.LastUsedDate, Is.Null);
        });
    }

    [TestCase(new[] { "read" }, AccessTokenScopes.Read)]
    [TestCase(new[] { "write" }, AccessTokenScopes.Write)]
    [TestCase(new[] { "write", "read" }, AccessTokenScopes.Read | AccessTokenScopes.Write)]
    public async Task TakesReadWriteOrBoth(string[] scopes, AccessTokenScopes expected)
    {
        var issued = await Service.IssueAsync(Owner, "ci", scopes, 30, CancellationToken.None);

        Assert.That(issued.Token.Scopes, Is.EqualTo(expected));
    }

    private static readonly string?[][] BadScopes = [[], ["admin"], ["Read"], ["read", "read"], ["read", null]];

    [TestCaseSource(nameof(BadScopes))]
    public void RefusesAnythingButDistinctKnownScopes(string?[] scopes) =>
        AssertRefusedOn("scopes", () => Service.IssueAsync(Owner, "ci", scopes, 30, CancellationToken.None));

    [TestCase(1)]
    [TestCase(365)]
    public async Task TakesALifetimeOf1To365Days(int days)
    {
        var issued = await Service.IssueAsync(Owner, "ci", ["read"], days, CancellationToken.None);

        Assert.That(issued.Token.ExpiresDate, Is.EqualTo(Now.AddDays(days).UtcDateTime));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(366)]
    public void RefusesALifetimeOutside1To365Days(int days) =>
        AssertRefusedOn("expiresInDays", () => Service.IssueAsync(Owner, "ci", ["read"], days, CancellationToken.None));

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\u200B")]
    [TestCase("c\u0000i")]
    public void RefusesABlankNameOrOneWithControlCharacters(string name) =>
        AssertRefusedOn("name", () => Service.IssueAsync(Owner, name, ["read"], 30, CancellationToken.None));

    [Test]
    public async Task CountsTheNamesLengthInUnicodeCharacters()
    {
        var issued = await Service.IssueAsync(Owner, string.Concat(Enumerable.Repeat("🔑", 100)), ["read"], 30, CancellationToken.None);

        Assert.That(issued.Token.Name, Has.Length.EqualTo(200));
    }

    [Test]
    public void RefusesANameOver100Characters() =>
        AssertRefusedOn("name", () => Service.IssueAsync(Owner, new string('n', 101), ["read"], 30, CancellationToken.None));

    private void AssertRefusedOn(string field, AsyncTestDelegate issue)
    {
        var error = Assert.ThrowsAsync<ValidationException>(issue);

        Assert.That(error.Errors.Keys, Is.EqualTo(new[] { field }));
        Tokens.Verify(repository => repository.AddAsync(It.IsAny<AccessToken>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
