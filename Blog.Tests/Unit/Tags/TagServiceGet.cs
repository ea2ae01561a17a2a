using Blog.Domain.Errors;
using Blog.Domain.Tags;
using Moq;

namespace Blog.Tests.Unit.Tags;

public sealed class TagServiceGet : TagServiceTestBase
{
    [Test]
    public async Task ReturnsTheTagWithItsCountAtTheClocksInstant()
    {
        Tags.Setup(repository => repository.FindAsync("dotnet", Now.UtcDateTime, It.IsAny<CancellationToken>())).ReturnsAsync(new TagSummary("dotnet", 3));

        var tag = await Service.GetAsync("dotnet", CancellationToken.None);

        Assert.That(tag, Is.EqualTo(new TagSummary("dotnet", 3)));
    }

    [TestCase(" DotNet ")]
    [TestCase("DOTNET")]
    [TestCase("\tdotnet\n")]
    public async Task LooksTheNameUpTrimmedAndLowerCased(string name)
    {
        Tags.Setup(repository => repository.FindAsync("dotnet", Now.UtcDateTime, It.IsAny<CancellationToken>())).ReturnsAsync(new TagSummary("dotnet", 1));

        var tag = await Service.GetAsync(name, CancellationToken.None);

        Assert.That(tag.Name, Is.EqualTo("dotnet"));
    }

    [Test]
    public void ThrowsNotFoundForATagNoPostEverHad()
    {
        Tags.Setup(repository => repository.FindAsync("unused", It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).ReturnsAsync((TagSummary?)null);

        Assert.ThrowsAsync<NotFoundException>(() => Service.GetAsync("unused", CancellationToken.None));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void ThrowsNotFoundForATagNoPublicPostHas(int publicCount)
    {
        Tags.Setup(repository => repository.FindAsync("waiting", It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).ReturnsAsync(new TagSummary("waiting", publicCount));

        Assert.ThrowsAsync<NotFoundException>(() => Service.GetAsync("waiting", CancellationToken.None));
    }

    /// <summary>The strict mock fails any lookup: such a name is refused before the repository is asked.</summary>
    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("c#")]
    [TestCase("nul\0name")]
    [TestCase("a-name-of-thirty-three-characters")]
    public void ThrowsNotFoundWithoutALookupForANameNoTagCanHave(string? name) =>
        Assert.ThrowsAsync<NotFoundException>(() => Service.GetAsync(name, CancellationToken.None));
}
