using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Blog.Tests.Integration;

/// <summary>The one log event per request (Serilog.AspNetCore's request logging) and what never reaches it.</summary>
public sealed class RequestLog
{
    private static readonly MessageTemplateTextFormatter LineFormat = new("{Message:lj} {Properties:j} {Exception}", CultureInfo.InvariantCulture);

    private readonly ConcurrentQueue<LogEvent> events = new();
    private BlogApiFactory factory = null!;
    private HttpClient http = null!;
    private BlogClient client = null!;

    /// <summary>A service of its own per test, whose every log event is captured.</summary>
    [SetUp]
    public void StartCapturing()
    {
        events.Clear();
        factory = new BlogApiFactory();
        http = factory.WithWebHostBuilder(builder => builder.ConfigureServices(
            services => services.AddSingleton<ILogEventSink>(new CapturingSink(events)))).CreateClient();
        client = new BlogClient(http);
    }

    [TearDown]
    public void Stop()
    {
        http.Dispose();
        factory.Dispose();
    }

    [Test]
    public async Task NeitherPasswordsNorAuthorizationHeadersReachALogEvent()
    {
        const string password = "Sup3r-Secret-Passw0rd";
        var user = BlogClient.UniqueName();
        var authorization = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

        using (await http.PostAsync("/users", BlogClient.Json($$"""{"username":"{{user}}","password":"{{password}}"}""")))
        using (await http.PostAsync("/users", BlogClient.Json($$"""{"username":"x","password":"{{password}}"}""")))
        using (await client.SendAsync(HttpMethod.Get, "/me", configure: r => r.Headers.Authorization = BlogClient.Basic(user, password)))
        using (await client.SendAsync(HttpMethod.Get, "/me?secret=" + password, configure: r => r.Headers.Authorization = BlogClient.Basic(user, password + "x")))
        {
        }

        var lines = events.Select(Render).ToList();
        Assert.That(lines, Is.Not.Empty, "the capture works");
        Assert.That(lines, Has.Some.Match(@"^HTTP GET /me responded 401 in \d+\.\d ms"), "one line per request: method, path without query, status, elapsed");
        var leaks = lines.Where(l => l.Contains(password, StringComparison.Ordinal) || l.Contains(authorization, StringComparison.Ordinal));
        Assert.That(leaks, Is.Empty);
    }

    [Test]
    public async Task TheRequestEventCarriesTheTraceIdAndTheSignedInUser()
    {
        var user = await client.RegisterAsync();

        using var response = await client.SendAsync(HttpMethod.Get, "/me", user);
        using var missing = await client.SendAsync(HttpMethod.Get, "/posts/" + Guid.NewGuid());
        var problem = await BlogClient.AssertProblemAsync(missing, HttpStatusCode.NotFound);

        var requests = events.Where(e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal)).ToList();
        var me = requests.Single(e => e.Properties["RequestPath"].ToString() == "\"/me\"");
        var notFound = requests.Single(e => e.Properties["StatusCode"].ToString() == "404");
        Assert.Multiple(() =>
        {
            Assert.That(me.Properties["UserName"].ToString(), Is.EqualTo($"\"{user}\""));
            Assert.That(notFound.Properties.ContainsKey("UserName"), Is.False);
            Assert.That(notFound.TraceId?.ToString(), Is.EqualTo(problem["traceId"]!.GetValue<string>()));
        });
    }

    [Test]
    public async Task AClientsTraceparentIsLinkedButNeverBecomesTheRequestsTraceId()
    {
        const string clientTraceId = "0af7651916cd43dd8448eb211c80319c";
        const string traceparent = $"00-{clientTraceId}-b7ad6b7169203331-01";

        var traceIds = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var missing = await client.SendAsync(HttpMethod.Get, "/posts/" + Guid.NewGuid(), configure: r => r.Headers.Add("traceparent", traceparent));
            traceIds.Add((await BlogClient.AssertProblemAsync(missing, HttpStatusCode.NotFound))["traceId"]!.GetValue<string>());
        }

        var logged = events.Where(e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(traceIds, Has.None.EqualTo(clientTraceId));
            Assert.That(traceIds[0], Is.Not.EqualTo(traceIds[1]), "unrelated requests never share an id");
            Assert.That(logged.Select(e => e.TraceId?.ToString()), Is.EquivalentTo(traceIds));
            Assert.That(logged.Select(e => e.Properties["ClientTraceId"].ToString()), Is.All.EqualTo($"\"{clientTraceId}\""));
        });
    }

    /// <summary>The event as the console sink writes it, with every property and the exception added.</summary>
    private static string Render(LogEvent logEvent)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        LineFormat.Format(logEvent, text);
        return text.ToString();
    }
}
