namespace Blog.Api.Errors;

/// <summary>
/// Once the client has gone, whatever stopped its request is the cancellation, not a failure: a database statement
/// interrupted mid-query fails with the database's own error, which would otherwise be logged as a 500. Rethrown as
/// an <see cref="OperationCanceledException"/>, it ends the way the exception handler ends any abandoned request
/// (499, nothing written, no error logged). A request dropped without an exception (the rate limiter lets a search
/// that was waiting for a place go quietly) is logged as 499 too, not as the 200 nobody wrote.
/// </summary>
public sealed class AbandonedRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            throw new OperationCanceledException("The client went away before the answer was ready.", exception, context.RequestAborted);
        }

        if (context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
        }
    }
}
