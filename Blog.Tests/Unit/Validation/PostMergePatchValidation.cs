using Blog.Api.Posts;

namespace Blog.Tests.Unit.Validation;

public sealed class PostMergePatchValidation
{
    private static readonly DateTime Instant = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

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

    [Test]
    public void AcceptsStatusPublishedWithOrWithoutAPublishedDate()
    {
        Assert.That(validator.Validate(new PostMergePatch { Status = "published" }).IsValid, Is.True);
        Assert.That(validator.Validate(new PostMergePatch { Status = "published", PublishedDate = Instant }).IsValid, Is.True);
        Assert.That(validator.Validate(new PostMergePatch { PublishedDate = Instant }).IsValid, Is.True);
    }

    [Test]
    public void AcceptsStatusDraftWithANullPublishedDate() =>
        Assert.That(validator.Validate(new PostMergePatch { Status = "draft", PublishedDate = null }).IsValid, Is.True);

    [TestCase(null)]
    [TestCase("scheduled")]
    [TestCase("DRAFT")]
    public void RejectsAnyOtherStatus(string? status) =>
        Assert.That(ErrorsOf(new PostMergePatch { Status = status }), Is.EqualTo(new[] { "Status" }));

    [Test]
    public void RejectsANullPublishedDateWithoutStatusDraft()
    {
        Assert.That(ErrorsOf(new PostMergePatch { PublishedDate = null }), Is.EqualTo(new[] { "PublishedDate" }));
        Assert.That(ErrorsOf(new PostMergePatch { Status = "published", PublishedDate = null }), Is.EqualTo(new[] { "PublishedDate" }));
    }

    [Test]
    public void RejectsAPublishedDateWithStatusDraft() =>
        Assert.That(ErrorsOf(new PostMergePatch { Status = "draft", PublishedDate = Instant }), Is.EqualTo(new[] { "PublishedDate" }));

    [Test]
    public void RejectsNullTags() =>
        Assert.That(ErrorsOf(new PostMergePatch { Tags = null }), Is.EqualTo(new[] { "Tags" }));

    [Test]
    public void AcceptsEmptyTags() =>
        Assert.That(validator.Validate(new PostMergePatch { Tags = [] }).IsValid, Is.True);

    private IEnumerable<string> ErrorsOf(PostMergePatch patch) => validator.Validate(patch).Errors.Select(error => error.PropertyName);
}
