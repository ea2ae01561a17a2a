using Blog.Api.Comments;

namespace Blog.Tests.Unit.Validation;

public sealed class CommentRequestValidation
{
    private readonly CommentRequestValidator validator = new();

    [TestCase("Nice post!")]
    [TestCase("Two lines\r\nand\ta tab")]
    public void AcceptsABodyAPersonWrote(string body) => Assert.That(validator.Validate(new CommentRequest(body)).IsValid, Is.True);

    [Test]
    public void AcceptsABodyOf10000Characters() =>
        Assert.That(validator.Validate(new CommentRequest(new string('b', 10_000))).IsValid, Is.True);

    /// <summary>Characters, not UTF-16 units: 10,000 emoji are 20,000 units and still fit.</summary>
    [Test]
    public void CountsCharactersNotUtf16Units() =>
        Assert.That(validator.Validate(new CommentRequest(string.Concat(Enumerable.Repeat("😀", 10_000)))).IsValid, Is.True);

    [TestCase(null, "A body is required.")]
    [TestCase("", "The body must not be blank.")]
    [TestCase(" \n\t", "The body must not be blank.")]
    [TestCase("bell\a", "The body must not contain control characters other than tabs and line breaks.")]
    public void RejectsABodyThatBreaksARule(string? body, string message)
    {
        var result = validator.Validate(new CommentRequest(body));

        Assert.That(result.Errors.Select(error => (error.PropertyName, error.ErrorMessage)), Is.EqualTo(new[] { ("Body", message) }));
    }

    [Test]
    public void RejectsABodyOf10001Characters()
    {
        var result = validator.Validate(new CommentRequest(new string('b', 10_001)));

        Assert.That(result.Errors.Select(error => error.ErrorMessage), Is.EqualTo(new[] { "The body must be at most 10,000 characters." }));
    }
}
