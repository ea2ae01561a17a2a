using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Api.Auth;

/// <summary>A 403 says why: the reasons the failed requirements gave, as the problem's detail.</summary>
public sealed class AuthorizationProblems(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler framework = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var reasons = authorizeResult.Forbidden ? authorizeResult.AuthorizationFailure?.FailureReasons.Select(reason => reason.Message).Distinct().ToList() : null;
        if (reasons is not { Count: > 0 })
        {
            await framework.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Detail = string.Join(" ", reasons),
            },
        });
    }
}
