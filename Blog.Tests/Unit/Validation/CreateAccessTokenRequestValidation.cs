using Blog.Api.Tokens;

namespace Blog.Tests.Unit.Validation;

public sealed class CreateAccessTokenRequestValidation
{
    private CreateAccessTokenRequestValidator validator = null!;

    [SetUp]
    public void SetUp() => validator = new CreateAccessTokenRequestValidator();

    [TestCase(new[] { "read" }, 1)]
    [TestCase(new[] { "write" }, 365)]
    [TestCase(new[] { "read", "write" }, 30)]
    public void AcceptsKnownScopesAndALifetimeOf1To365Days(string[] scopes, int days) =>
        Assert.That(validator.Validate(new CreateAccessTokenRequest("ci", scopes, days)).IsValid, Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    [TestCase("\u200B\u3164")]
    [TestCase("c\u0007i")]
    public void RejectsAMissingBlankOrControlName(string? name) =>
        AssertOnlyErrorOn(new CreateAccessTokenRequest(name, ["read"], 30), "Name");

    [Test]
    public void AcceptsANameOf100UnicodeCharacters() =>
        Assert.That(validator.Validate(new CreateAccessTokenRequest(string.Concat(Enumerable.Repeat("🔑", 100)), ["read"], 30)).IsValid, Is.True);

    [Test]
    public void RejectsANameOver100Characters() =>
        AssertOnlyErrorOn(new CreateAccessTokenRequest(new string('n', 101), ["read"], 30), "Name");

    [Test]
    public void RejectsMissingScopes() => AssertOnlyErrorOn(new CreateAccessTokenRequest("ci", null, 30), "Scopes");

    [Test]
    public void RejectsNoScopes() => AssertOnlyErrorOn(new CreateAccessTokenRequest("ci", [], 30), "Scopes");

    [Test]
    public void RejectsAScopeListedTwice() => AssertOnlyErrorOn(new CreateAccessTokenRequest("ci", ["read", "read"], 30), "Scopes");

    [TestCase("admin")]
    [TestCase("READ")]
    [TestCase("")]
    [TestCase(null)]
    public void RejectsAnUnknownScope(string? scope) =>
        AssertOnlyErrorOn(new CreateAccessTokenRequest("ci", ["read", scope], 30), "Scopes[1]");

    [TestCase(null)]
    [TestCase(0)]
    [TestCase(366)]
    public void RejectsAMissingOrOutOfRangeLifetime(int? days) =>
        AssertOnlyErrorOn(new CreateAccessTokenRequest("ci", ["read"], days), "ExpiresInDays");

    private void AssertOnlyErrorOn(CreateAccessTokenRequest request, string property) =>
        Assert.That(validator.Validate(request).Errors.Select(error => error.PropertyName).Distinct().ToList(), Is.EqualTo(new[] { property }));
}
