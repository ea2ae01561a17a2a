using System.Security.Claims;
using Blog.Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Blog.Tests.Unit.Auth;

public sealed class WriteScopeRequirementHandle
{
    [TestCase("GET")]
    [TestCase("HEAD")]
    [TestCase("OPTIONS")]
    public async Task LetsAReadOnlyTokenRead(string method) =>
        Assert.That((await HandleAsync(method, Token("read"))).HasSucceeded, Is.True);

    [TestCase("POST")]
    [TestCase("PUT")]
    [TestCase("PATCH")]
    [TestCase("DELETE")]
    public async Task RefusesAReadOnlyTokenAWriteAndSaysWhy(string method)
    {
        var context = await HandleAsync(method, Token("read"));

        Assert.That(context.HasSucceeded, Is.False);
        Assert.That(context.FailureReasons.Select(reason => reason.Message), Has.One.Contains("'write' scope"));
    }

    [Test]
    public async Task LetsAWriteTokenWrite() =>
        Assert.That((await HandleAsync("POST", Token("write"))).HasSucceeded, Is.True);

    [Test]
    public async Task LetsAPasswordWrite() =>
        Assert.That((await HandleAsync("DELETE", Password())).HasSucceeded, Is.True);

    [Test]
    public async Task LeavesTheRefusalToThePasswordRequirementWhereOnlyAPasswordWillDo()
    {
        var context = await HandleAsync("POST", Token("read"), new PasswordSignInRequirement());

        Assert.That(context.FailureReasons.Select(reason => reason.Message), Has.None.Contains("'write' scope"));
        Assert.That(context.FailureReasons.Select(reason => reason.Message), Has.One.Contains("password"));
    }

    private static async Task<AuthorizationHandlerContext> HandleAsync(string method, ClaimsPrincipal user, params IAuthorizationRequirement[] others)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        var requirement = new WriteScopeRequirement();
        var context = new AuthorizationHandlerContext([requirement, .. others], user, http);
        foreach (var handler in context.Requirements.OfType<IAuthorizationHandler>())
        {
            await handler.HandleAsync(context);
        }

        return context;
    }

    private static ClaimsPrincipal Token(params string[] scopes) => new(new ClaimsIdentity(
        [new(ClaimTypes.Name, "rick"), .. scopes.Select(scope => new Claim(BearerAuthenticationHandler.ScopeClaimType, scope))],
        BearerAuthenticationHandler.SchemeName));

    private static ClaimsPrincipal Password() => new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "rick")], BasicAuthenticationHandler.SchemeName));
}
