using Blog.Domain.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Blog.Api.Errors;

/// <summary>
/// Turns the domain's errors into problem responses. Any other exception is left alone and reaches the
/// exception handler, which logs it and answers a bare 500 problem.
/// </summary>
public sealed class DomainExceptionFilter : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is not DomainException error)
        {
            return;
        }

        var status = error switch
        {
            NotFoundException => StatusCodes.Status404NotFound,
            ForbiddenException => StatusCodes.Status403Forbidden,
            ConflictException => StatusCodes.Status409Conflict,
            PreconditionFailedException => StatusCodes.Status412PreconditionFailed,
            UnprocessableException => StatusCodes.Status422UnprocessableEntity,
            ValidationException => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status500InternalServerError,
        };
        ProblemDetails problem = error is ValidationException validation
            ? new HttpValidationProblemDetails(validation.Errors.ToDictionary()) { Title = error.Title }
            : new ProblemDetails { Title = error.Title };
        problem.Status = status;
        problem.Detail = error.Message;
        context.Result = new ProblemResult(problem);
        context.ExceptionHandled = true;
    }
}
