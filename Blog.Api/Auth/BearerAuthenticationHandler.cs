using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Blog.Api.RateLimits;
using Blog.Domain.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Blog.Api.Auth;

/// <summary>
/// Bearer authentication (RFC 6750) with a personal access token. It never touches a password hash: the token is
/// found by the SHA-256 of its secret.
/// </summary>
public sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SignInThrottle throttle,
    IProblemDetailsService problems)
    : CredentialAuthenticationHandler(options, logger, encoder, throttle, problems)
{
    public const string SchemeName = "Bearer";

    /// <summary>One claim per scope the token holds (<c>read</c>, <c>write</c>).</summary>
    public const string ScopeClaimType = "scope";

    /// <summary>True when the request's Authorization header names the Bearer scheme (in any case).</summary>
    public static bool IsBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString() is var header
        && header.StartsWith(SchemeName, StringComparison.OrdinalIgnoreCase)
        && (header.Length == SchemeName.Length || header[SchemeName.Length] == ' ');

    protected override async Task<AuthenticateResult> AuthenticateAsync(string authorization)
    {
        if (!AuthenticationHeaderValue.TryParse(authorization, out var value) || value.Parameter is not { } secret)
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer blog_…' with a personal access token.");
        }

        // Resolved here, not injected: every request builds this handler, and the service needs a database context.
        var tokens = Context.RequestServices.GetRequiredService<AccessTokenService>();
        var signIn = await tokens.SignInAsync(secret, Context.RequestAborted);
        if (signIn is null)
        {
            return AuthenticateResult.Fail("The access token is unknown, expired or revoked.");
        }

        List<Claim> claims = [new(ClaimTypes.NameIdentifier, signIn.Owner.UserId.ToString()), new(ClaimTypes.Name, signIn.Owner.Username)];
        claims.AddRange(AccessTokenScopeNames.Of(signIn.Scopes).Select(scope => new Claim(ScopeClaimType, scope)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override bool RefusedAToken(AuthenticateResult result) => result.Failure is not null;
}
