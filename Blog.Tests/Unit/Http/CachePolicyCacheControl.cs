using Blog.Api.Http;

namespace Blog.Tests.Unit.Http;

/// <summary>The whole table: who asked (credentials or not), how (method), and how it went (status).</summary>
public sealed class CachePolicyCacheControl
{
    private readonly CachePolicy policy = new(new HttpCachingOptions { SharedMaxAgeSeconds = 7 }, trustsForwardedHeaders: false);

    [TestCase("GET", 200)]
    [TestCase("HEAD", 200)]
    [TestCase("GET", 304)]
    [TestCase("GET", 301)]
    public void AnAnonymousReadThatSucceededIsPublicForTheSharedMaxAge(string method, int status)
    {
        Assert.That(policy.CacheControl(method, credentials: false, status, endpointSaidNoStore: false), Is.EqualTo("public, max-age=0, s-maxage=7, must-revalidate"));
    }

    [TestCase("GET", 200)]
    [TestCase("HEAD", 200)]
    [TestCase("GET", 304)]
    public void AReadAnsweredToCredentialsIsPrivate(string method, int status)
    {
        Assert.That(policy.CacheControl(method, credentials: true, status, endpointSaidNoStore: false), Is.EqualTo("private, no-cache"));
    }

    [TestCase("POST", 201)]
    [TestCase("PUT", 200)]
    [TestCase("PATCH", 200)]
    [TestCase("DELETE", 204)]
    [TestCase("OPTIONS", 204)]
    [TestCase("GET", 400)]
    [TestCase("GET", 404)]
    [TestCase("GET", 405)]
    [TestCase("GET", 429)]
    [TestCase("GET", 500)]
    [TestCase("GET", 503)]
    public void AnythingElseIsNeverStored(string method, int status)
    {
        Assert.Multiple(() =>
        {
            Assert.That(policy.CacheControl(method, credentials: false, status, endpointSaidNoStore: false), Is.EqualTo("no-store"));
            Assert.That(policy.CacheControl(method, credentials: true, status, endpointSaidNoStore: false), Is.EqualTo("private, no-store"));
        });
    }

    [Test]
    public void AnEndpointsNoStoreIsKept()
    {
        Assert.That(policy.CacheControl("GET", credentials: false, 200, endpointSaidNoStore: true), Is.EqualTo("no-store"));
    }

    [Test]
    public void VaryNamesTheForwardedHeadersOnlyWhenTheyAreTrusted()
    {
        Assert.Multiple(() =>
        {
            Assert.That(policy.Vary, Is.EqualTo("Accept, Authorization"));
            Assert.That(new CachePolicy(new HttpCachingOptions(), trustsForwardedHeaders: true).Vary, Is.EqualTo("Accept, Authorization, X-Forwarded-Host, X-Forwarded-Proto"));
        });
    }
}
