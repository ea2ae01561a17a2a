using Blog.Api.Hal;

namespace Blog.Tests.Unit.Validation;

public sealed class PageQueryValidation
{
    private readonly PageQueryValidator validator = new();

    [Test]
    public void AcceptsTheDefaults() => Assert.That(validator.Validate(new PageQuery()).IsValid, Is.True);

    [TestCase(1)]
    [TestCase(100)]
    public void AcceptsASizeFrom1To100(int size) =>
        Assert.That(validator.Validate(new PageQuery { Size = size }).IsValid, Is.True);

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(101)]
    public void RejectsAnyOtherSize(int size) =>
        Assert.That(validator.Validate(new PageQuery { Size = size }).Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "Size" }));
}
