using Blog.Api.Auth;
using Blog.Api.Errors;
using Blog.Api.Http;
using Blog.Api.Logging;
using Blog.Api.OpenApi;

namespace Blog.Api.Composition;

public static class ApiPipeline
{
    public static WebApplication UseBlogApi(this WebApplication app)
    {
        if (ForwardedHeadersSetup.IsEnabled(app.Configuration))
        {
            app.UseForwardedHeaders();
        }

        app.UseBlogRequestLogging();
        // Outside the exception handler, so that its say on how a response may be cached is the last one.
        app.UseMiddleware<CachePolicyMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Kestrel's own refusals (a body over the limit, a malformed request) keep their 4xx status.
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            // They are the client's errors, not the service's: the request's own log event names them, without a stack.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseMiddleware<AbandonedRequestMiddleware>();
        app.UseStatusCodePages();
        app.UseMiddleware<HttpSemanticsMiddleware>();
        app.UseRequestBodyLimit();
        app.UseBlogOpenApi();

        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<RejectBadCredentialsMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapControllers();
        app.MapBlogMetrics();
        return app;
    }
}
