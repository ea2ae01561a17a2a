using Blog.Api.Hal;
using Blog.Api.Posts;

namespace Blog.Tests.Unit.Validation;

public sealed class PostListQueryValidation
{
    private PostListQueryValidator validator = null!;

    [SetUp]
    public void SetUp() => validator = new PostListQueryValidator(new PageQueryValidator());

    [Test]
    public void AcceptsSearchTextOf200Characters() =>
        Assert.That(validator.Validate(new PostListQuery { Q = new string('q', 200) }).IsValid, Is.True);

    [Test]
    public void RejectsSearchTextOf201Characters() =>
        Assert.That(ErrorsOf(new PostListQuery { Q = new string('q', 201) }), Is.EqualTo(new[] { "Q" }));

    [Test]
    public void CountsSearchTextInUnicodeCharacters() =>
        Assert.That(validator.Validate(new PostListQuery { Q = string.Concat(Enumerable.Repeat("🙂", 200)) }).IsValid, Is.True);

    [TestCase("end\u0000")]
    [TestCase("\u001b[31m")]
    public void RejectsSearchTextWithAControlCharacter(string q) =>
        Assert.That(ErrorsOf(new PostListQuery { Q = q }), Is.EqualTo(new[] { "Q" }));

    [Test]
    public void AcceptsAnAuthorOf32Characters() =>
        Assert.That(validator.Validate(new PostListQuery { Author = new string('a', 32) }).IsValid, Is.True);

    [Test]
    public void RejectsAnAuthorOf33Characters() =>
        Assert.That(ErrorsOf(new PostListQuery { Author = new string('a', 33) }), Is.EqualTo(new[] { "Author" }));

    [TestCase("dotnet")]
    [TestCase(" DotNet ")]
    [TestCase("http-2")]
    [TestCase("a-name-of-thirty-two-characters-")]
    public void AcceptsATagAsTagsAreWritten(string tag) =>
        Assert.That(validator.Validate(new PostListQuery { Tag = tag }).IsValid, Is.True);

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("c#")]
    [TestCase("under_score")]
    [TestCase("dot.net")]
    [TestCase("a-name-of-thirty-three-characters")]
    [TestCase("nul\0name")]
    public void RejectsATagNoTagCanBe(string tag) =>
        Assert.That(ErrorsOf(new PostListQuery { Tag = tag }), Is.EqualTo(new[] { "Tag" }));

    [Test]
    public void AppliesThePagingRulesToo() =>
        Assert.That(ErrorsOf(new PostListQuery { Size = 0 }), Is.EqualTo(new[] { "Size" }));

    private IEnumerable<string> ErrorsOf(PostListQuery query) => validator.Validate(query).Errors.Select(error => error.PropertyName);
}
