using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Blog.Api.Http;

/// <summary>Bodies over 1 MiB are refused with 413 before anything reads them.</summary>
public static class RequestBodyLimit
{
    public const long MaxBytes = 1024 * 1024;

    /// <summary>Kestrel stops a body that grows past the limit as it streams in (chunked bodies too).</summary>
    public static void AddRequestBodyLimit(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxBytes);

    /// <summary>A declared Content-Length over the limit is refused at once, whatever server hosts the app.</summary>
    public static void UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.ContentLength > MaxBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }

            return next(context);
        });
}
