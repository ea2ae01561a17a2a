using Blog.Api.Logging;
using Blog.Infrastructure.Data;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Blog.Api.Composition;

/// <summary>
/// Metrics and traces with OpenTelemetry. Metrics: ASP.NET Core's own (<c>http.server.request.duration</c> by route,
/// method and status, active requests, Kestrel's connections, unhandled exceptions), the runtime's, and every
/// database command's time (<c>db.client.operation.duration</c>), served at <c>/metrics</c> in Prometheus's text
/// format. With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (OpenTelemetry's standard variable) they are also pushed over
/// OTLP, with a span per request; without it nothing is sent anywhere and no span is recorded.
/// </summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Of ASP.NET Core's meters, those an operator asks about: requests (rate, latency, status), connections, unhandled
    /// exceptions. Its others (routing, authentication, authorization, the rate limiter, the memory pool) record on every
    /// request for little news, since a 401 or a 429 is a status in the request histogram already: with them, metrics
    /// took 3.5% of a GET's CPU (perf, bench/README.md's profiling recipe); without, 1.1%.
    /// </summary>
    private static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Diagnostics",
        "System.Runtime", DatabaseTime.MeterName,
    ];

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
                meters.AddMeter(Meters);
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
    /// <c>GET /metrics</c>: Prometheus's text format, to the networks in <c>Metrics:AllowedNetworks</c> only, never stored
    /// by a cache (<see cref="MetricsEndpoint.ServeOnlyToAllowedNetworksAsync"/>). Outside
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
                configureBranchedPipeline: branch => branch.Use(metrics.ServeOnlyToAllowedNetworksAsync),
                optionsName: null)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .DisableRateLimiting()
            .DisableHttpMetrics();
    }

    private static bool OtlpEndpointConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
}
