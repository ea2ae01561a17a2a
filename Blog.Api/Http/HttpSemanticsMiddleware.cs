namespace Blog.Api.Http;

/// <summary>
/// What RFC 9110 asks of every resource and routing does not give: <c>OPTIONS</c> answers 204 with <c>Allow</c>
/// (routing alone answers 405), <c>Allow</c> lists OPTIONS too, <c>HEAD</c> sends GET's headers and no body,
/// and no response is content-sniffed.
/// </summary>
public sealed class HttpSemanticsMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            response.Body = Stream.Null;
        }

        await next(context);

        // Routing's 405 has set Allow but written nothing yet, so the answer can still change here.
        if (response.StatusCode != StatusCodes.Status405MethodNotAllowed || response.HasStarted || response.Headers.Allow.Count == 0)
        {
            return;
        }

        response.Headers.Allow = $"{response.Headers.Allow}, OPTIONS";
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status204NoContent;
        }
    }
}
