using Microsoft.AspNetCore.Authorization;

namespace Blog.Api.Auth;

/// <summary>Signed in with a password (Basic), not with a token: a token must not be able to make more tokens.</summary>
public sealed class PasswordSignInRequirement : AuthorizationHandler<PasswordSignInRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PasswordSignInRequirement requirement)
    {
        if (context.User.SignedInWithPassword())
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, "Access tokens are created with a password: sign in with Basic credentials, not with a token."));
        }

        return Task.CompletedTask;
    }
}
