using System.Text.Encodings.Web;
using Blog.Api.RateLimits;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Blog.Api.Auth;

/// <summary>
/// What the Basic and Bearer schemes share: credentials sent to an endpoint open to everyone are ignored, failed
/// sign-ins are counted per client address (past the limit none is even checked; see SignInThrottle), and a 401
/// offers both challenges, so that a client may answer with either.
/// </summary>
public abstract class CredentialAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SignInThrottle throttle,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string BasicChallenge = "Basic realm=\"blog\", charset=\"UTF-8\"";
    public const string BearerChallenge = "Bearer realm=\"blog\"";

    /// <summary>RFC 6750 §3.1: the request's token is unknown, expired or revoked.</summary>
    public const string InvalidTokenChallenge = "Bearer realm=\"blog\", error=\"invalid_token\"";

    protected sealed override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // An endpoint open to everyone (GET /health, for load balancers) takes no credentials: none are checked or counted.
        if (!Request.Headers.TryGetValue("Authorization", out var header) || Context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return AuthenticateResult.NoResult();
        }

        // A failure is reserved before anything is checked, and given back unless the credentials turn out wrong.
        await using var attempt = await throttle.BeginAsync(RateLimitingSetup.ClientAddress(Context));
        if (!attempt.IsAllowed)
        {
            return AuthenticateResult.Fail(new TooManySignInsException(attempt.RetryAfter));
        }

        var result = await AuthenticateAsync(header.ToString());
        if (result.Failure is not null)
        {
            attempt.Failed();
        }

        return result;
    }

    /// <summary>Checks the Authorization header's value, which names this handler's scheme.</summary>
    protected abstract Task<AuthenticateResult> AuthenticateAsync(string authorization);

    /// <summary>True when the request's own Bearer token was refused, which the Bearer challenge then says.</summary>
    protected virtual bool RefusedAToken(AuthenticateResult result) => false;

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = new StringValues([BasicChallenge, RefusedAToken(result) ? InvalidTokenChallenge : BearerChallenge]);
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
}
