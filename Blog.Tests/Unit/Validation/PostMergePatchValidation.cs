using Blog.Api.Posts;

namespace Blog.Tests.Unit.Validation;

public sealed class PostMergePatchValidation
{
    private PostMergePatchValidator validator = null!;

    [SetUp]
    public void SetUp() => validator = new PostMergePatchValidator();

    [Test]
    public void AcceptsAPatchWithNoMembers() => Assert.That(validator.Validate(new PostMergePatch()).IsValid, Is.True);

    [Test]
    public void AcceptsAPatchOfTheTitleAlone() =>
        Assert.That(validator.Validate(new PostMergePatch { Title = "New title" }).IsValid, Is.True);

    [Test]
    public void AcceptsAPatchOfTheBodyAlone() =>
        Assert.That(validator.Validate(new PostMergePatch { Body = "New body" }).IsValid, Is.True);

    [Test]
    public void RejectsAnExplicitNullTitle()
    {
        var patch = new PostMergePatch { Title = null };

        var result = validator.Validate(patch);

        Assert.Multiple(() =>
        {
            Assert.That(patch.HasTitle, Is.True);
            Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "Title" }));
        });
    }

    [Test]
    public void RejectsAnExplicitNullBody()
    {
        var result = validator.Validate(new PostMergePatch { Body = null });

        Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "Body" }));
    }

    [Test]
    public void RejectsABlankTitle() =>
        Assert.That(validator.Validate(new PostMergePatch { Title = " " }).IsValid, Is.False);

    [Test]
    public void RejectsATitleOf201Characters() =>
        Assert.That(validator.Validate(new PostMergePatch { Title = new string('t', 201) }).IsValid, Is.False);

    [Test]
    public void RejectsABodyOf100001Characters() =>
        Assert.That(validator.Validate(new PostMergePatch { Body = new string('b', 100_001) }).IsValid, Is.False);
}
