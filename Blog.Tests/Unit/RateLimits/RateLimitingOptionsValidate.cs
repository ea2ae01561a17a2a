using Blog.Api.RateLimits;

namespace Blog.Tests.Unit.RateLimits;

public sealed class RateLimitingOptionsValidate
{
    [Test]
    public void AcceptsTheDefaults()
    {
        Assert.That(() => new RateLimitingOptions().Validate(), Throws.Nothing);
    }

    [Test]
    public void RefusesALimitThatLetsNothingThrough()
    {
        var options = new RateLimitingOptions { Reads = new BucketLimit { PermitsPerSecond = 0, Burst = 10 } };

        Assert.That(options.Validate, Throws.InvalidOperationException.With.Message.Contains("RateLimiting"));
    }

    [Test]
    public void IgnoresTheLimitsWhenTheyAreOff()
    {
        var options = new RateLimitingOptions { Enabled = false, Writes = new WindowLimit() };

        Assert.That(options.Validate, Throws.Nothing);
    }
}
