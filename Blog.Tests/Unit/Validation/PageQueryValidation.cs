using Blog.Api.Hal;
using Blog.Domain.Paging;

namespace Blog.Tests.Unit.Validation;

public sealed class PageQueryValidation
{
    private PageQueryValidator validator = null!;

    [SetUp]
    public void SetUp() => validator = new PageQueryValidator();

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

    [TestCase(PageDirection.Older)]
    [TestCase(PageDirection.Newer)]
    public void AcceptsACursorTheServiceIssued(PageDirection direction)
    {
        var cursor = new PageCursor(direction, DateTime.UtcNow, Guid.CreateVersion7()).Encode();

        Assert.That(validator.Validate(new PageQuery { Cursor = cursor }).IsValid, Is.True);
    }

    [TestCase("")]
    [TestCase("garbage")]
    [TestCase("bi4xMjM")]
    public void RejectsACursorTheServiceDidNotIssue(string cursor) =>
        Assert.That(validator.Validate(new PageQuery { Cursor = cursor }).Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "Cursor" }));
}
