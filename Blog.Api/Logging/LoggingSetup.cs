using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
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
        var sinksConfigured = HasConfiguredSinks(builder.Configuration);
        var levelsConfigured = builder.Configuration.GetSection("Serilog:MinimumLevel").Exists();
        builder.Services.AddSerilog(
            (services, logger) =>
            {
                if (!levelsConfigured)
                {
                    // As appsettings.json has them: the framework's and the auth handlers' per-request lines only
                    // repeat what the one request event says.
                    logger.MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
                        .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                        .MinimumLevel.Override("Blog.Api.Auth", LogEventLevel.Warning);
                }

                logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services);
                if (!sinksConfigured)
                {
                    // A service that logs nowhere cannot be operated: a 500's traceId would find nothing.
                    logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {TraceId}{NewLine}{Exception}");
                }
            },
            preserveStaticLogger: true);
        builder.Services.AddSingleton<DistributedContextPropagator, ServiceOwnedTraceContext>();
        return builder;
    }

    private static bool HasConfiguredSinks(IConfiguration configuration) => configuration.GetSection(SinksKey).Exists();

    private const string SinksKey = "Serilog:WriteTo";

    /// <summary>
    /// One event per request: method, path (never the query string), status and elapsed time, with the TraceId that
    /// a problem's <c>traceId</c> names, the user's name when signed in, why Kestrel refused a body (too large, too
    /// slow) as <c>ClientError</c> without a stack, and a client's own trace id as <c>ClientTraceId</c>. Headers and
    /// bodies are never logged, so neither credentials nor passwords can reach the log.
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

                if (http.Features.Get<IExceptionHandlerFeature>()?.Error is BadHttpRequestException clientError)
                {
                    diagnostics.Set("ClientError", clientError.Message);
                }

                if (ActivityContext.TryParse(http.Request.Headers.TraceParent, traceState: null, out var clientContext))
                {
                    diagnostics.Set("ClientTraceId", clientContext.TraceId.ToString());
                }
            };
        });

    /// <summary>
    /// Says when the configuration named no log sinks (so the console was chosen), and, once Kestrel has bound its
    /// addresses, where the service listens and where Swagger UI is.
    /// </summary>
    public static void LogStartup(this WebApplication app)
    {
        if (!HasConfiguredSinks(app.Configuration))
        {
            app.Logger.LogWarning(
                "The configuration has no {SinksKey} (content root {ContentRoot}); logging to the console instead",
                SinksKey,
                app.Environment.ContentRootPath);
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var address in app.Urls)
            {
                app.Logger.LogInformation("Blog API listening on {Address}; Swagger UI at {Address}/swagger", address, address);
            }
        });
    }
}
