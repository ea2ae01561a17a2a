using Blog.Api.RateLimits;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Net.Http.Headers;

namespace Blog.Api.Auth;

/// <summary>
/// Credentials that were sent but are wrong get a 401 even on an anonymous read: a client that sends them
/// wants to know they do not work, rather than silently being served as a stranger.
/// </summary>
public sealed class RejectBadCredentialsMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            // No credentials, none wrong: most reads ask nothing of authentication.
            await next(context);
            return;
        }

        var result = await context.AuthenticateAsync();
        if (result.Failure is TooManySignInsException tooMany)
        {
            await RateLimitingSetup.WriteTooManyRequestsAsync(context, tooMany.RetryAfter, tooMany.Message);
            return;
        }

        if (result.Failure is not null)
        {
            await context.ChallengeAsync();
            return;
        }

        await next(context);
    }
}
