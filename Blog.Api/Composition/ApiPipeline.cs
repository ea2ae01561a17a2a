using Blog.Api.Auth;
using Blog.Api.Http;
using Blog.Api.OpenApi;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Blog.Api.Composition;

public static class ApiPipeline
{
    public static WebApplication UseBlogApi(this WebApplication app)
    {
        if (ForwardedHeadersSetup.IsEnabled(app.Configuration))
        {
            app.UseForwardedHeaders();
        }

        app.UseHttpLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<HttpSemanticsMiddleware>();
        app.UseBlogOpenApi();

        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<RejectBadCredentialsMiddleware>();
        app.UseAuthorization();

        app.MapControllers();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealth }).AllowAnonymous();
        return app;
    }

    private static Task WriteHealth(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report) =>
        context.Response.WriteAsJsonAsync(new { status = report.Status.ToString() });
}
