using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Blog.Api.RateLimits;
using Blog.Domain.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Blog.Api.Auth;

/// <summary>HTTP Basic authentication (RFC 7617, UTF-8) against the registered users.</summary>
public sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SignInThrottle throttle,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Basic";
    public const string Challenge = "Basic realm=\"blog\", charset=\"UTF-8\"";
    private const string BadCredentials = "The username or password is incorrect.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // An endpoint open to everyone (GET /health, for load balancers) takes no credentials: none are checked or counted.
        if (!Request.Headers.TryGetValue("Authorization", out var header) || Context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return AuthenticateResult.NoResult();
        }

        // A failure is reserved before anything is checked, and given back unless the credentials turn out wrong.
        using var attempt = throttle.Begin(RateLimitingSetup.ClientAddress(Context));
        if (!attempt.IsAllowed)
        {
            return AuthenticateResult.Fail(new TooManySignInsException(attempt.RetryAfter));
        }

        if (!TryReadCredentials(header.ToString(), out var username, out var password))
        {
            attempt.Failed();
            return AuthenticateResult.Fail("The Authorization header must be 'Basic base64(username:password)'.");
        }

        // Resolved here, not injected: every request builds this handler, and the service needs a database context.
        var users = Context.RequestServices.GetRequiredService<UserService>();
        var user = await users.SignInAsync(username, password, Context.RequestAborted);
        if (user is null)
        {
            attempt.Failed();
            return AuthenticateResult.Fail(BadCredentials);
        }

        Claim[] claims = [new(ClaimTypes.NameIdentifier, user.Id.ToString()), new(ClaimTypes.Name, user.Username)];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = Challenge;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Detail = result.Failure?.Message },
        });
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status403Forbidden },
        }).AsTask();
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
