using Microsoft.AspNetCore.Mvc;

namespace Blog.Api.Errors;

/// <summary>An MVC result that hands its problem to the one problem writer, so no content negotiation can refuse it.</summary>
public sealed class ProblemResult(ProblemDetails problem) : IActionResult
{
    public ProblemDetails Problem { get; } = problem;

    public Task ExecuteResultAsync(ActionContext context)
    {
        context.HttpContext.Response.StatusCode = Problem.Status ?? StatusCodes.Status500InternalServerError;
        return context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context.HttpContext, ProblemDetails = Problem })
            .AsTask();
    }
}
