using System.Net;
using Blog.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace Blog.Tests.Integration;

/// <summary><c>Metrics:Enabled=false</c>: no <c>/metrics</c>, and with no OTLP endpoint either, no OpenTelemetry at all.</summary>
public sealed class MetricsTurnedOff(DatabaseProvider provider) : IntegrationTest(provider)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Metrics:Enabled"] = "false" };

    [Test]
    public async Task MetricsAreNotFound()
    {
        using var monitor = Factory.CreateClientFrom(IPAddress.Loopback).Http;
        using var response = await monitor.GetAsync("/metrics");

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.That(Factory.Services.GetService<MeterProvider>(), Is.Null);
    }
}
