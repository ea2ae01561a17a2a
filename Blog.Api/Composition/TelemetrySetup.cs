using Blog.Api.Logging;
using Blog.Infrastructure.Data;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Blog.Api.Composition;

/// <summary>
/// Metrics and traces with OpenTelemetry. Metrics: ASP.NET Core's own (<c>http.server.request.duration</c> by route,
/// method and status, active requests, Kestrel's connections, rate-limiter refusals), the runtime's, and every
/// database command's time (<c>db.client.operation.duration</c>), served at <c>/metrics</c> in Prometheus's text
/// format. With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (OpenTelemetry's standard variable) they are also pushed over
/// OTLP, with a span per request; without it nothing is sent anywhere and no span is made.
/// </summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddBlogTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var metrics = MetricsEndpoint.FromConfiguration(configuration);
        services.AddSingleton(metrics);
        var otlp = OtlpEndpointConfigured(configuration);
        if (!metrics.Enabled && !otlp)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "blog-api"))
            .WithMetrics(meters =>
            {
                meters.AddAspNetCoreInstrumentation().AddMeter("System.Runtime", DatabaseTime.MeterName);
                if (metrics.Enabled)
                {
                    meters.AddPrometheusExporter();
                }

                if (otlp)
                {
                    meters.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            // The request's span must be the one whose trace id the log line and the problem carry.
            Sdk.SetDefaultTextMapPropagator(new ServiceOwnedTextMapPropagator());
            telemetry.WithTracing(traces => traces
                .AddAspNetCoreInstrumentation(options => options.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath))
                .AddOtlpExporter());
        }

        return services;
    }

    /// <summary>
    /// <c>GET /metrics</c>: Prometheus's text format, to the networks in <c>Metrics:AllowedNetworks</c> only. Outside
    /// the rate limits (a scrape is answered from a copy at most 300 ms old, however often it comes), outside the
    /// request metrics and traces (scrapes are not traffic), and not in the OpenAPI document (it is not the blog's API).
    /// </summary>
    public static void MapBlogMetrics(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<MetricsEndpoint>();
        if (!metrics.Enabled)
        {
            return;
        }

        app.MapPrometheusScrapingEndpoint(
                MetricsPath,
                meterProvider: null,
                configureBranchedPipeline: branch => branch.Use((context, next) => metrics.Allows(context) ? next(context) : metrics.RefuseAsync(context)),
                optionsName: null)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .DisableRateLimiting()
            .DisableHttpMetrics();
    }

    private static bool OtlpEndpointConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
}
