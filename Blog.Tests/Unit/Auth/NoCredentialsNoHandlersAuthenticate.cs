using Blog.Api.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Moq;

namespace Blog.Tests.Unit.Auth;

public sealed class NoCredentialsNoHandlersAuthenticate
{
    private readonly Mock<AuthenticationService> handlers = new(
        Mock.Of<IAuthenticationSchemeProvider>(),
        Mock.Of<IAuthenticationHandlerProvider>(),
        Mock.Of<IClaimsTransformation>(),
        Options.Create(new AuthenticationOptions()));

    [Test]
    public async Task AnswersARequestWithoutAnAuthorizationHeaderAsAnonymousWithoutAskingTheHandlers()
    {
        var result = await new NoCredentialsNoHandlers(handlers.Object).AuthenticateAsync(new DefaultHttpContext(), scheme: null);

        Assert.That(result.None, Is.True);
        handlers.Verify(service => service.AuthenticateAsync(It.IsAny<HttpContext>(), It.IsAny<string?>()), Times.Never);
    }

    [Test]
    public async Task HandsARequestWithCredentialsToTheHandlers()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = "Basic d3Jvbmc6d3Jvbmc=";
        var failed = AuthenticateResult.Fail("wrong password");
        handlers.Setup(service => service.AuthenticateAsync(context, "BasicOrBearer")).ReturnsAsync(failed);

        var result = await new NoCredentialsNoHandlers(handlers.Object).AuthenticateAsync(context, "BasicOrBearer");

        Assert.That(result, Is.SameAs(failed));
    }
}
