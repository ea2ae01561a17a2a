using Blog.Api.Users;

namespace Blog.Tests.Unit.Validation;

public sealed class RegisterUserRequestValidation
{
    private const string Password = "correct horse";

    private RegisterUserRequestValidator validator = null!;

    [SetUp]
    public void SetUp() => validator = new RegisterUserRequestValidator();

    [TestCase("abc")]
    [TestCase("Rick_Sanchez-C137")]
    [TestCase("0123456789abcdefghijABCDEFGHIJ_-")]
    public void AcceptsAUsernameOf3To32AsciiLettersDigitsUnderscoresOrHyphens(string username) =>
        Assert.That(validator.Validate(new RegisterUserRequest(username, Password, null)).IsValid, Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("ab")]
    [TestCase("a b")]
    [TestCase("ric k")]
    [TestCase("rick!")]
    [TestCase("rick.sanchez")]
    [TestCase("émile")]
    [TestCase("ｒｉｃｋ")]
    [TestCase("0123456789abcdefghijABCDEFGHIJ_-x")]
    public void RejectsAnyOtherUsername(string? username) =>
        AssertOnlyErrorOn(new RegisterUserRequest(username, Password, null), nameof(RegisterUserRequest.Username));

    [TestCase("rick\n")]
    [TestCase("\nrick")]
    [TestCase("rick\r\n")]
    public void RejectsAUsernameWithALineBreak(string username) =>
        AssertOnlyErrorOn(new RegisterUserRequest(username, Password, null), nameof(RegisterUserRequest.Username));

    [TestCase(8)]
    [TestCase(128)]
    public void AcceptsAPasswordOf8To128Characters(int length) =>
        Assert.That(validator.Validate(new RegisterUserRequest("rick", new string('p', length), null)).IsValid, Is.True);

    [TestCase(null)]
    [TestCase(0)]
    [TestCase(7)]
    [TestCase(129)]
    public void RejectsAMissingShortOrLongPassword(int? length) => AssertOnlyErrorOn(
        new RegisterUserRequest("rick", length is { } count ? new string('p', count) : null, null), nameof(RegisterUserRequest.Password));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("Rick Sanchez")]
    public void AcceptsAnOptionalDisplayName(string? displayName) =>
        Assert.That(validator.Validate(new RegisterUserRequest("rick", Password, displayName)).IsValid, Is.True);

    [TestCase("\u200B\u200B")]
    [TestCase("\u3164")]
    [TestCase("Rick\u0000")]
    public void RejectsAnInvisibleDisplayNameOrOneWithAControlCharacter(string displayName) =>
        AssertOnlyErrorOn(new RegisterUserRequest("rick", Password, displayName), nameof(RegisterUserRequest.DisplayName));

    [Test]
    public void CountsAPasswordInUnicodeCharacters() =>
        AssertOnlyErrorOn(new RegisterUserRequest("rick", string.Concat(Enumerable.Repeat("🔑", 7)), null), nameof(RegisterUserRequest.Password));

    [Test]
    public void AcceptsADisplayNameOf100Characters() =>
        Assert.That(validator.Validate(new RegisterUserRequest("rick", Password, new string('d', 100))).IsValid, Is.True);

    [Test]
    public void RejectsADisplayNameOf101Characters() =>
        AssertOnlyErrorOn(new RegisterUserRequest("rick", Password, new string('d', 101)), nameof(RegisterUserRequest.DisplayName));

    private void AssertOnlyErrorOn(RegisterUserRequest request, string property) =>
        Assert.That(validator.Validate(request).Errors.Select(error => error.PropertyName).Distinct().ToList(), Is.EqualTo(new[] { property }));
}
