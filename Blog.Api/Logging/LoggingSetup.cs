using Microsoft.Net.Http.Headers;
using Serilog;
using Serilog.Events;

namespace Blog.Api.Logging;

public static class LoggingSetup
{
    /// <summary>
    /// The console logger that reports a failure before the configured one exists (a bad <c>appsettings.json</c>,
    /// a database that cannot be migrated).
    /// </summary>
    public static Serilog.Core.Logger CreateBootstrapLogger() => new LoggerConfiguration().WriteTo.Console().CreateLogger();

    /// <summary>Serilog, with levels and sinks from the <c>Serilog</c> section of the configuration.</summary>
    /// <remarks>
    /// The static logger is kept as the bootstrap logger, so several hosts in one process (the integration tests)
    /// each log through their own configuration; every <see cref="Serilog.Core.ILogEventSink"/> registered as a service is added.
    /// </remarks>
    public static WebApplicationBuilder AddBlogLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog(
            (services, logger) => logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// One event per request: method, path (never the query string), status and elapsed time, with the TraceId that
    /// a problem's <c>traceId</c> names and the user's name when signed in. Headers and bodies are never logged, so
    /// neither credentials nor passwords can reach the log.
    /// </summary>
    public static void UseBlogRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            // A 503 with Retry-After is a search shed for want of a place (a flood makes thousands): a warning, not an error.
            options.GetLevel = (http, _, exception) =>
                exception is not null ? LogEventLevel.Error
                : http.Response.StatusCode == StatusCodes.Status503ServiceUnavailable && http.Response.Headers.ContainsKey(HeaderNames.RetryAfter) ? LogEventLevel.Warning
                : http.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
                : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                if (http.User.Identity is { IsAuthenticated: true, Name: { } userName })
                {
                    diagnostics.Set("UserName", userName);
                }
            };
        });

    /// <summary>Says where the service listens and where Swagger UI is, once Kestrel has bound its addresses.</summary>
    public static void LogAddressesOnStart(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var address in app.Urls)
            {
                app.Logger.LogInformation("Blog API listening on {Address}; Swagger UI at {Address}/swagger", address, address);
            }
        });
}
