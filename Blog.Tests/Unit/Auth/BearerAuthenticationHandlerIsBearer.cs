using Blog.Api.Auth;
using Microsoft.AspNetCore.Http;

namespace Blog.Tests.Unit.Auth;

/// <summary>The default scheme forwards to Bearer exactly when the Authorization header names it.</summary>
public sealed class BearerAuthenticationHandlerIsBearer
{
    [TestCase("Bearer blog_abc")]
    [TestCase("bearer blog_abc")]
    [TestCase("BEARER x")]
    [TestCase("Bearer")]
    public void ChoosesBearerForItsScheme(string header) => Assert.That(IsBearer(header), Is.True);

    [TestCase("Basic cmljazpwYXNzd29yZDE=")]
    [TestCase("Bearerblog_abc")]
    [TestCase("Digest x")]
    [TestCase("")]
    [TestCase(null)]
    public void ChoosesBasicForAnythingElse(string? header) => Assert.That(IsBearer(header), Is.False);

    private static bool IsBearer(string? header)
    {
        var context = new DefaultHttpContext();
        if (header is not null)
        {
            context.Request.Headers.Authorization = header;
        }

        return BearerAuthenticationHandler.IsBearer(context.Request);
    }
}
