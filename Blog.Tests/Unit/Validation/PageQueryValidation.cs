using Blog.Api.Hal;
using Blog.Domain.Paging;
using Microsoft.AspNetCore.DataProtection;

namespace Blog.Tests.Unit.Validation;

public sealed class PageQueryValidation
{
    private readonly CursorCodec cursors = new(new EphemeralDataProtectionProvider());
    private PageQueryValidator validator = null!;

    [SetUp]
    public void SetUp() => validator = new PageQueryValidator(cursors);

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
        var cursor = cursors.Encode(new PageCursor(direction, DateTime.UtcNow, Guid.CreateVersion7()));

        Assert.That(validator.Validate(new PageQuery { Cursor = cursor }).IsValid, Is.True);
    }

    [Test]
    public void RejectsAWellFormedCursorThatWasNotSealedByTheService()
    {
        var forged = new PageCursor(PageDirection.Older, DateTime.UtcNow, Guid.CreateVersion7()).Encode();

        Assert.That(validator.Validate(new PageQuery { Cursor = forged }).Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "Cursor" }));
    }

    [Test]
    public void RejectsAnIssuedCursorWithOneCharacterChanged()
    {
        var cursor = cursors.Encode(new PageCursor(PageDirection.Older, DateTime.UtcNow, Guid.CreateVersion7()));
        var edited = cursor[..^3] + (cursor[^3] == 'A' ? 'B' : 'A') + cursor[^2..];

        Assert.That(validator.Validate(new PageQuery { Cursor = edited }).IsValid, Is.False);
    }

    [TestCase("")]
    [TestCase("garbage")]
    [TestCase("bi4xMjM")]
    public void RejectsACursorTheServiceDidNotIssue(string cursor) =>
        Assert.That(validator.Validate(new PageQuery { Cursor = cursor }).Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "Cursor" }));
}
