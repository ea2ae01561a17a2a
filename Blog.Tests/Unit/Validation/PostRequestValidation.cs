using Blog.Api.Posts;

namespace Blog.Tests.Unit.Validation;

public sealed class PostRequestValidation
{
    private const string Body = "Some body";
    private static readonly DateTime Instant = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private PostRequestValidator validator = null!;

    [SetUp]
    public void SetUp() => validator = new PostRequestValidator();

    [Test]
    public void AcceptsATitleAndABody() => Assert.That(validator.Validate(new PostRequest("Title", Body)).IsValid, Is.True);

    [Test]
    public void AcceptsATitleOf200Characters() =>
        Assert.That(validator.Validate(new PostRequest(new string('t', 200), Body)).IsValid, Is.True);

    [Test]
    public void AcceptsABodyOf100000Characters() =>
        Assert.That(validator.Validate(new PostRequest("Title", new string('b', 100_000))).IsValid, Is.True);

    [Test]
    public void CountsATitleInUnicodeCharactersNotUtf16Units() =>
        Assert.That(validator.Validate(new PostRequest(string.Concat(Enumerable.Repeat("🙂", 200)), Body)).IsValid, Is.True);

    [Test]
    public void RejectsATitleOf201Emoji() =>
        AssertSingleError(new PostRequest(string.Concat(Enumerable.Repeat("🙂", 201)), Body), nameof(PostRequest.Title), "The title must be at most 200 characters.");

    [TestCase(null, "A title is required.")]
    [TestCase("", "The title must not be blank.")]
    [TestCase("   \t\n", "The title must not be blank.")]
    [TestCase("\u200B\u200B", "The title must not be blank.")]
    [TestCase("\u2060\uFEFF\u3000\u00A0", "The title must not be blank.")]
    [TestCase("\u3164\u2800", "The title must not be blank.")]
    public void RejectsAMissingOrBlankTitle(string? title, string message) =>
        AssertSingleError(new PostRequest(title, Body), nameof(PostRequest.Title), message);

    [Test]
    public void RejectsATitleOf201Characters() =>
        AssertSingleError(new PostRequest(new string('t', 201), Body), nameof(PostRequest.Title), "The title must be at most 200 characters.");

    [TestCase(null)]
    [TestCase(" ")]
    public void RejectsAMissingOrBlankBody(string? body) =>
        AssertSingleError(new PostRequest("Title", body), nameof(PostRequest.Body), null);

    [TestCase("Tab\there")]
    [TestCase("A\u0000B")]
    [TestCase("Bell\u0007")]
    public void RejectsATitleWithAControlCharacter(string title) =>
        AssertSingleError(new PostRequest(title, Body), nameof(PostRequest.Title), "The title must not contain control characters.");

    [Test]
    public void AcceptsTabsAndLineBreaksInABody() =>
        Assert.That(validator.Validate(new PostRequest("Title", "One\r\n\tTwo\n")).IsValid, Is.True);

    [Test]
    public void RejectsANulInABody() =>
        AssertSingleError(new PostRequest("Title", "before\u0000after"), nameof(PostRequest.Body), "The body must not contain control characters other than tabs and line breaks.");

    [Test]
    public void AcceptsAnAccentedLetterWrittenWithACombiningMark() =>
        Assert.That(validator.Validate(new PostRequest("e\u0301", Body)).IsValid, Is.True);

    [Test]
    public void RejectsABodyOf100001Characters() =>
        AssertSingleError(new PostRequest("Title", new string('b', 100_001)), nameof(PostRequest.Body), null);

    [Test]
    public void ReportsBothMembersWhenBothAreMissing()
    {
        var result = validator.Validate(new PostRequest(null, null));

        Assert.That(result.Errors.Select(error => error.PropertyName), Is.EquivalentTo(new[] { "Title", "Body" }));
    }

    [TestCase("draft")]
    [TestCase("published")]
    public void AcceptsAStatus(string status) =>
        Assert.That(validator.Validate(new PostRequest("Title", Body, Status: status)).IsValid, Is.True);

    [TestCase("scheduled")]
    [TestCase("Published")]
    [TestCase("")]
    public void RejectsAnyOtherStatus(string status) =>
        AssertSingleError(new PostRequest("Title", Body, Status: status), nameof(PostRequest.Status), "status is draft or published.");

    [Test]
    public void AcceptsAPublishedDateWithStatusPublishedOrAlone()
    {
        Assert.That(validator.Validate(new PostRequest("Title", Body, Status: "published", PublishedDate: Instant)).IsValid, Is.True);
        Assert.That(validator.Validate(new PostRequest("Title", Body, PublishedDate: Instant)).IsValid, Is.True);
    }

    [Test]
    public void RejectsAPublishedDateOnADraft() =>
        AssertSingleError(new PostRequest("Title", Body, Status: "draft", PublishedDate: Instant), nameof(PostRequest.PublishedDate), null);

    [Test]
    public void RejectsANullTag() =>
        AssertSingleError(new PostRequest("Title", Body, Tags: [null!]), nameof(PostRequest.Tags), null);

    private void AssertSingleError(PostRequest request, string property, string? message)
    {
        var errors = validator.Validate(request).Errors;

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(errors[0].PropertyName, Is.EqualTo(property));
            if (message is not null)
            {
                Assert.That(errors[0].ErrorMessage, Is.EqualTo(message));
            }
        });
    }
}
