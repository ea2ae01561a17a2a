using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Blog.Api.RateLimits;
using Blog.Domain.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Blog.Api.Auth;

/// <summary>HTTP Basic authentication (RFC 7617, UTF-8) against the registered users.</summary>
public sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SignInThrottle throttle,
    IProblemDetailsService problems)
    : CredentialAuthenticationHandler(options, logger, encoder, throttle, problems)
{
    public const string SchemeName = "Basic";
    private const string BadCredentials = "The username or password is incorrect.";

    protected override async Task<AuthenticateResult> AuthenticateAsync(string authorization)
    {
        if (!TryReadCredentials(authorization, out var username, out var password))
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Basic base64(username:password)' or 'Bearer blog_…'.");
        }

        // Resolved here, not injected: every request builds this handler, and the service needs a database context.
        var users = Context.RequestServices.GetRequiredService<UserService>();
        var user = await users.SignInAsync(username, password, Context.RequestAborted);
        if (user is null)
        {
            return AuthenticateResult.Fail(BadCredentials);
        }

        // A password holds every scope, so its identity carries none: AuthorizationPolicies tells the schemes apart.
        Claim[] claims = [new(ClaimTypes.NameIdentifier, user.Id.ToString()), new(ClaimTypes.Name, user.Username)];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private static bool TryReadCredentials(string header, out string username, out string password)
    {
        username = password = string.Empty;
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, SchemeName, StringComparison.OrdinalIgnoreCase)
            || value.Parameter is null)
        {
            return false;
        }

        var buffer = new byte[value.Parameter.Length];
        if (!Convert.TryFromBase64String(value.Parameter, buffer, out var length))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        (username, password) = (decoded[..colon], decoded[(colon + 1)..]);
        return true;
    }
}
