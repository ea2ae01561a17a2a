using System.Net;
using Blog.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

namespace Blog.Tests.Integration;

/// <summary><c>/metrics</c> with the defaults: Prometheus text, to loopback only.</summary>
public sealed class GetMetrics(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string RequestDuration = "http_server_request_duration_seconds";
    private const string DatabaseDuration = "db_client_operation_duration_seconds";

    private BlogClient monitor = null!;

    [OneTimeSetUp]
    public void CreateMonitor() => monitor = Factory.CreateClientFrom(IPAddress.Loopback);

    [OneTimeTearDown]
    public void DisposeMonitor() => monitor.Http.Dispose();

    [Test]
    public async Task AnswersPrometheusTextWithTheDurationOfRequestsByRouteAndStatus()
    {
        var user = await Client.RegisterAsync();
        var self = BlogClient.Href(await Client.CreatePostAsync(user), "self");
        var missing = "/posts/" + Guid.NewGuid();
        var before = await ScrapeAsync();
        using (var found = await Client.Http.GetAsync(self))
        using (var notFound = await Client.Http.GetAsync(missing))
        {
            Assert.That((found.StatusCode, notFound.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.NotFound)));
        }

        (string, string)[] ok = [("http_route", PostRoute), ("http_request_method", "GET"), ("http_response_status_code", "200")];
        (string, string)[] notFoundLabels = [("http_route", PostRoute), ("http_request_method", "GET"), ("http_response_status_code", "404")];
        // ASP.NET Core records a request once its response is complete, which may be just after the client has it.
        var after = await ScrapeUntilAsync(metrics =>
            metrics.Sum(RequestDuration + "_count", ok) > before.Sum(RequestDuration + "_count", ok)
            && metrics.Sum(RequestDuration + "_count", notFoundLabels) > before.Sum(RequestDuration + "_count", notFoundLabels));

        Assert.Multiple(() =>
        {
            Assert.That(after.Sum(RequestDuration + "_count", ok) - before.Sum(RequestDuration + "_count", ok), Is.EqualTo(1));
            Assert.That(after.Sum(RequestDuration + "_count", notFoundLabels) - before.Sum(RequestDuration + "_count", notFoundLabels), Is.EqualTo(1));
            Assert.That(after.Samples(RequestDuration + "_bucket", [.. ok, ("le", "+Inf")]), Has.Count.EqualTo(1), "a histogram, with buckets");
            Assert.That(after.Sum(RequestDuration + "_sum", ok), Is.GreaterThan(before.Sum(RequestDuration + "_sum", ok)));
            Assert.That(after.Text, Does.Contain($"# TYPE {RequestDuration} histogram"));
            Assert.That(after.Samples(RequestDuration + "_count", ("http_route", "/metrics")), Is.Empty, "scrapes are not traffic");
        });
    }

    [Test]
    public async Task DatabaseTimeGrowsWithEveryReadOfAPostByKey()
    {
        var user = await Client.RegisterAsync();
        var self = BlogClient.Href(await Client.CreatePostAsync(user), "self");
        var before = await ScrapeAsync();

        using (var response = await Client.Http.GetAsync(self))
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        // Recorded while the request runs, before its response: no waiting needed.
        var after = await ScrapeAsync();
        Assert.Multiple(() =>
        {
            Assert.That(after.Sum(DatabaseDuration + "_count") - before.Sum(DatabaseDuration + "_count"), Is.EqualTo(1), "one command: the read by key");
            Assert.That(after.Sum(DatabaseDuration + "_sum"), Is.GreaterThan(before.Sum(DatabaseDuration + "_sum")));
            Assert.That(
                after.Samples(DatabaseDuration + "_count").Select(sample => sample.Labels["db_system_name"]),
                Is.All.EqualTo(Provider == DatabaseProvider.Postgres ? "postgresql" : "sqlite"));
            Assert.That(after.Text, Does.Contain($"# TYPE {DatabaseDuration} histogram"));
        });
    }

    [Test]
    public async Task DatabaseTimeGrowsWithEveryEfCoreQuery()
    {
        var before = await ScrapeAsync();

        using (var response = await Client.Http.GetAsync(await Client.RootLinkAsync("posts")))
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var after = await ScrapeAsync();
        Assert.That(after.Sum(DatabaseDuration + "_count"), Is.GreaterThan(before.Sum(DatabaseDuration + "_count")));
    }

    [Test]
    public async Task IsPrometheusTextVersion004UnlessOpenMetricsIsAsked()
    {
        using var text = await monitor.Http.GetAsync("/metrics");
        using var openMetrics = await monitor.SendAsync(HttpMethod.Get, "/metrics", configure: request => request.Headers.Add("Accept", "application/openmetrics-text"));

        Assert.Multiple(() =>
        {
            Assert.That(text.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(text.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/plain; version=0.0.4; charset=utf-8"));
            Assert.That(openMetrics.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/openmetrics-text"));
        });
    }

    [Test]
    public async Task IsNeverStoredByACache()
    {
        using var response = await monitor.Http.GetAsync("/metrics");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, response.Headers.CacheControl?.ToString());
    }

    [Test]
    public async Task RefusesClientsOutsideLoopbackWithAProblem()
    {
        using var stranger = Factory.CreateClientFrom(IPAddress.Parse("203.0.113.7")).Http;
        using var fromStranger = await stranger.GetAsync("/metrics");
        using var fromNowhere = await Client.Http.GetAsync("/metrics");

        var problem = await BlogClient.AssertProblemAsync(fromStranger, HttpStatusCode.Forbidden);
        await BlogClient.AssertProblemAsync(fromNowhere, HttpStatusCode.Forbidden);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Metrics:AllowedNetworks"));
    }

    [Test]
    public async Task AnswersOnlyGetAndHead()
    {
        using var post = await monitor.SendAsync(HttpMethod.Post, "/metrics");
        using var head = await monitor.SendAsync(HttpMethod.Head, "/metrics");

        await BlogClient.AssertProblemAsync(post, HttpStatusCode.MethodNotAllowed);
        Assert.That(post.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET", "HEAD", "OPTIONS" }));
        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void MakesNoSpanWithoutAnOtlpEndpoint() => Assert.That(Factory.Services.GetService<TracerProvider>(), Is.Null);

    /// <summary>Every scrape reads the instruments afresh, so that a test sees the requests it has just made.</summary>
    protected override void ConfigureServices(IServiceCollection services) =>
        services.Configure<PrometheusAspNetCoreOptions>(options => options.ScrapeResponseCacheDurationMilliseconds = 0);

    private const string PostRoute = "posts/{id:guid}";

    private async Task<PrometheusText> ScrapeAsync()
    {
        using var response = await monitor.Http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return new PrometheusText(text);
    }

    private async Task<PrometheusText> ScrapeUntilAsync(Func<PrometheusText, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var metrics = await ScrapeAsync();
            if (condition(metrics) || DateTime.UtcNow > deadline)
            {
                return metrics;
            }

            await Task.Delay(50);
        }
    }
}
