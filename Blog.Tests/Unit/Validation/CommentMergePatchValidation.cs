using Blog.Api.Comments;

namespace Blog.Tests.Unit.Validation;

public sealed class CommentMergePatchValidation
{
    private readonly CommentMergePatchValidator validator = new();

    [Test]
    public void AcceptsAPatchWithNoMembers() => Assert.That(validator.Validate(new CommentMergePatch()).IsValid, Is.True);

    [Test]
    public void AcceptsANewBody() => Assert.That(validator.Validate(new CommentMergePatch { Body = "Edited" }).IsValid, Is.True);

    [Test]
    public void RejectsAnExplicitNullBody()
    {
        var patch = new CommentMergePatch { Body = null };

        var result = validator.Validate(patch);

        Assert.Multiple(() =>
        {
            Assert.That(patch.HasBody, Is.True);
            Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "Body" }));
        });
    }

    [TestCase(" ")]
    [TestCase("nul\0")]
    public void RejectsABlankBodyOrControlCharacters(string body) =>
        Assert.That(validator.Validate(new CommentMergePatch { Body = body }).IsValid, Is.False);

    [Test]
    public void RejectsABodyOf10001Characters() =>
        Assert.That(validator.Validate(new CommentMergePatch { Body = new string('b', 10_001) }).IsValid, Is.False);
}
