using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Blog.Api.Auth;

public static class AuthorizationPolicies
{
    /// <summary>Only a password may act here: <c>[Authorize(Policy = PasswordOnly)]</c> (creating a token).</summary>
    public const string PasswordOnly = "password-only";

    /// <summary>What every <c>[Authorize]</c> asks: a user, and for a write, a credential that may write.</summary>
    public static AuthorizationPolicy Default { get; } =
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new WriteScopeRequirement()).Build();

    public static AuthorizationPolicy Password { get; } =
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PasswordSignInRequirement()).Build();

    /// <summary>A password holds every scope; a token holds the scopes it was issued with.</summary>
    public static bool SignedInWithPassword(this ClaimsPrincipal user) =>
        user.Identity?.AuthenticationType == BasicAuthenticationHandler.SchemeName;
}
