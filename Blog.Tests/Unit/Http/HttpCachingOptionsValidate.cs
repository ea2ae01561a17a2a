using Blog.Api.Http;

namespace Blog.Tests.Unit.Http;

public sealed class HttpCachingOptionsValidate
{
    [Test]
    public void AcceptsTheDefaults()
    {
        Assert.That(() => new HttpCachingOptions().Validate(), Throws.Nothing);
    }

    [TestCase(0)]
    [TestCase(31_536_000)]
    public void AcceptsNoSharedFreshnessUpToAYear(int seconds)
    {
        Assert.That(new HttpCachingOptions { SharedMaxAgeSeconds = seconds }.Validate, Throws.Nothing);
    }

    [TestCase(-1)]
    [TestCase(31_536_001)]
    public void RefusesASharedFreshnessNoCacheCouldHonour(int seconds)
    {
        Assert.That(new HttpCachingOptions { SharedMaxAgeSeconds = seconds }.Validate, Throws.InvalidOperationException.With.Message.Contains("HttpCaching:SharedMaxAgeSeconds"));
    }
}
