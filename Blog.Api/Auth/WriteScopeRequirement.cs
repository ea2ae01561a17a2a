using Blog.Domain.Tokens;
using Microsoft.AspNetCore.Authorization;

namespace Blog.Api.Auth;

/// <summary>A write (any method but GET, HEAD and OPTIONS) needs a password or a token with the <c>write</c> scope.</summary>
public sealed class WriteScopeRequirement : AuthorizationHandler<WriteScopeRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, WriteScopeRequirement requirement)
    {
        var method = context.Resource is HttpContext http ? http.Request.Method : HttpMethods.Post;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
            || context.User.SignedInWithPassword()
            // Where only a password will do, that requirement alone says why a token is refused.
            || context.Requirements.OfType<PasswordSignInRequirement>().Any()
            || context.User.HasClaim(BearerAuthenticationHandler.ScopeClaimType, AccessTokenScopeNames.Write))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, "This access token may only read; a write needs a token with the 'write' scope."));
        }

        return Task.CompletedTask;
    }
}
