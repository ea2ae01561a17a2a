using Blog.Api.Tags;

namespace Blog.Tests.Unit.Validation;

public sealed class TagListQueryValidation
{
    private readonly TagListQueryValidator validator = new();

    [Test]
    public void AcceptsTheDefaults() => Assert.That(validator.Validate(new TagListQuery()).IsValid, Is.True);

    [TestCase(1)]
    [TestCase(100)]
    public void AcceptsSizesFrom1To100(int size) =>
        Assert.That(validator.Validate(new TagListQuery { Size = size }).IsValid, Is.True);

    [TestCase(0)]
    [TestCase(101)]
    [TestCase(-1)]
    public void RejectsOtherSizes(int size) =>
        Assert.That(validator.Validate(new TagListQuery { Size = size }).Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "Size" }));
}
