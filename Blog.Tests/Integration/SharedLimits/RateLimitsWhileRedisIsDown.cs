using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Blog.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Blog.Tests.Integration.SharedLimits;

/// <summary>
/// Redis configured but not there (a closed port): every limit still holds, kept by this instance alone, a warning
/// says so, nothing fails with a 500, and <c>/health</c> is 200 Degraded.
/// </summary>
public sealed class RateLimitsWhileRedisIsDown(DatabaseProvider provider) : IntegrationTest(provider)
{
    private readonly ConcurrentQueue<LogEvent> events = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Redis:Configuration"] = $"127.0.0.1:{ClosedPort()}",
        ["RateLimiting:Writes:PermitLimit"] = "2",
        ["RateLimiting:FailedSignIns:PermitLimit"] = "2",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILogEventSink>(new Capture(events));

    [Test]
    public async Task WritesAreLimitedByThisInstanceAndAWarningSaysSo()
    {
        var user = await Client.RegisterAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await Client.CreatePostResponseAsync(user);
            statuses.Add(response.StatusCode);
        }

        using var limited = await Client.CreatePostResponseAsync(user);

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.Created));
        await BlogClient.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.That(limited.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(59, 60), "the time left in this instance's window");
        Assert.That(
            events.Where(e => e.Level == LogEventLevel.Warning).Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)),
            Has.Some.Contains("each instance keeps its own rate limits"));
    }

    [Test]
    public async Task FailedSignInsAreLimitedByThisInstance()
    {
        var user = await Client.RegisterAsync();
        var guesser = Factory.CreateClientFrom(IPAddress.Parse("198.51.100.70"));
        var statuses = new List<HttpStatusCode>();
        foreach (var password in new[] { "wrong 1", BlogClient.Password, "wrong 2", "wrong 3", BlogClient.Password })
        {
            using var response = await guesser.SendAsync(HttpMethod.Get, "/me", configure: r => r.Headers.Authorization = BlogClient.Basic(user, password));
            statuses.Add(response.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[]
        {
            HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests,
        }));
    }

    [Test]
    public async Task HealthIs200Degraded()
    {
        using var response = await Client.Http.GetAsync("/health");
        var body = await BlogClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the instance still serves: a balancer must not take it out");
        Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("Degraded"));
    }

    /// <summary>A loopback port that nothing listens on: one the system just gave out and took back.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Capture(ConcurrentQueue<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
    }
}
