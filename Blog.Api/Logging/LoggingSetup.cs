using System.Diagnostics;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Blog.Api.Logging;

public static class LoggingSetup
{
    /// <summary>Serilog, with levels and sinks from the <c>Serilog</c> section of the configuration.</summary>
    public static WebApplicationBuilder AddBlogLogging(this WebApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.With<TraceIdEnricher>()
            .CreateLogger();
        builder.Logging.ClearProviders().AddSerilog(logger, dispose: true);
        return builder;
    }

    /// <summary>Says where the service listens and where Swagger UI is, once Kestrel has bound its addresses.</summary>
    public static void LogAddressesOnStart(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var address in app.Urls)
            {
                app.Logger.LogInformation("Blog API listening on {Address}; Swagger UI at {Address}/swagger", address, address);
            }
        });

    /// <summary>Adds the request's W3C trace id to every event, so the traceId of a problem finds its log lines.</summary>
    private sealed class TraceIdEnricher : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            if (Activity.Current is { } activity)
            {
                logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("TraceId", activity.TraceId.ToString()));
            }
        }
    }
}
