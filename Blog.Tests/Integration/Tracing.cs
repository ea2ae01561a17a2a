using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Blog.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Serilog.Core;
using Serilog.Events;

namespace Blog.Tests.Integration;

/// <summary>
/// With an OTLP endpoint (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>): a span per request, in the trace whose id the request's
/// problem and log line carry, and spans and metrics pushed to the endpoint.
/// </summary>
public sealed class Tracing(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string ClientTraceId = "0af7651916cd43dd8448eb211c80319c";

    private readonly FakeOtlpCollector collector = new();
    // The exporter adds each span as it ends; the test only ever copies the list.
    private readonly List<Activity> spans = [];
    private readonly ConcurrentQueue<LogEvent> events = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
    };

    [OneTimeTearDown]
    public void StopCollector() => collector.Dispose();

    [TestCase(null, TestName = "TheSpanOfARequestCarriesTheTraceIdOfItsProblemAndItsLogLine")]
    [TestCase("00-" + ClientTraceId + "-b7ad6b7169203331-01", TestName = "TheSpanOfARequestWithAClientsTraceparentCarriesTheTraceIdOfItsProblemAndItsLogLine")]
    public async Task TheSpanOfARequestCarriesTheTraceIdOfItsProblemAndItsLogLine(string? traceparent)
    {
        var path = "/posts/" + Guid.NewGuid();
        using var response = await Client.SendAsync(HttpMethod.Get, path, configure: request =>
        {
            if (traceparent is not null)
            {
                request.Headers.Add("traceparent", traceparent);
            }
        });
        var traceId = (await BlogClient.AssertProblemAsync(response, HttpStatusCode.NotFound))["traceId"]!.GetValue<string>();

        // The span ends, and the request's event is written, once the response is complete: just after the client has it.
        var span = await EventuallyAsync(() => spans.ToArray().SingleOrDefault(s => (string?)s.GetTagItem("url.path") == path));
        var logged = await EventuallyAsync(() => events.SingleOrDefault(e => e.Properties.TryGetValue("RequestPath", out var p) && p.ToString() == $"\"{path}\""));
        Assert.Multiple(() =>
        {
            Assert.That(span.TraceId.ToHexString(), Is.EqualTo(traceId), "the span's trace is the problem's");
            Assert.That(logged.TraceId?.ToString(), Is.EqualTo(traceId), "the log line's trace is the problem's");
            Assert.That(logged.SpanId?.ToString(), Is.EqualTo(span.SpanId.ToHexString()), "the log line was written in the span");
            Assert.That(traceId, Is.Not.EqualTo(ClientTraceId), "a client's trace id is never adopted");
            Assert.That(span.ParentSpanId, Is.EqualTo(default(ActivitySpanId)), "the request's span is the root of its trace");
            Assert.That(span.GetTagItem("http.response.status_code"), Is.EqualTo(404));
        });
    }

    [Test]
    public async Task SpansAndMetricsArePushedToTheOtlpEndpoint()
    {
        using (await Client.Http.GetAsync("/"))
        {
        }

        var paths = await EventuallyAsync(() =>
            collector.PostedPaths.Contains("/v1/traces") && collector.PostedPaths.Contains("/v1/metrics") ? collector.PostedPaths.ToArray() : null);
        Assert.That(paths, Is.SupersetOf(new[] { "/v1/traces", "/v1/metrics" }));
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ILogEventSink>(new CapturingSink(events));
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
    }

    private static async Task<T> EventuallyAsync<T>(Func<T?> find)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (find() is { } found)
            {
                return found;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "not found in 10 s");
            await Task.Delay(50);
        }
    }
}
