using System.Net;
using Blog.Infrastructure.Data;
using Blog.Tests.Integration;
using Microsoft.AspNetCore.TestHost;

namespace Blog.Tests.OpenApi;

/// <summary>
/// The refusals, on a service with tiny limits: too many writes, too many reads, too many failed sign-ins (429), and
/// a search while every place for one is taken (503).
/// </summary>
public sealed class OpenApiDocumentUnderRateLimits(DatabaseProvider provider) : IntegrationTest(provider)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:Writes:PermitLimit"] = "2",
        ["RateLimiting:Writes:WindowSeconds"] = "300",
        ["RateLimiting:FailedSignIns:PermitLimit"] = "2",
        ["RateLimiting:FailedSignIns:WindowSeconds"] = "300",
        ["RateLimiting:Reads:Burst"] = "20",
        ["RateLimiting:Reads:PermitsPerSecond"] = "1",
        ["RateLimiting:Searches:ConcurrencyLimit"] = "1",
        ["RateLimiting:Searches:QueueLimit"] = "0",
    };

    [Test]
    public async Task DescribesTheTooManyRequestsAnswers()
    {
        var check = new ResponseConformance(await OpenApiSpec.LoadAsync(Client.Http));
        var user = await Client.RegisterAsync();

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await Client.CreatePostResponseAsync(user);
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        await check.CheckAsync(await Client.CreatePostResponseAsync(user), HttpStatusCode.TooManyRequests);

        for (var i = 0; i < 2; i++)
        {
            using var guess = await Client.SendAsync(HttpMethod.Get, "/me", configure: r => r.Headers.Authorization = BlogClient.Basic(user, $"guess {i}"));
            Assert.That(guess.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        await check.CheckAsync(await Client.SendAsync(HttpMethod.Get, "/me", user), HttpStatusCode.TooManyRequests);

        var reader = Factory.CreateClientFrom(IPAddress.Parse("198.51.100.40"));
        HttpResponseMessage read;
        for (var i = 0; (read = await reader.SendAsync(HttpMethod.Get, "/posts")).StatusCode == HttpStatusCode.OK && i < 100; i++)
        {
            read.Dispose();
        }

        await check.CheckAsync(read, HttpStatusCode.TooManyRequests);

        await OpenApiDocument.ReportAsync(check);
        Assert.That(check.Failures, Is.Empty, "where the document and the service disagree");
    }

    [Test]
    public async Task DescribesTheBusySearchAnswer()
    {
        var check = new ResponseConformance(await OpenApiSpec.LoadAsync(Client.Http));
        using var endless = new EndlessSearch(Provider);
        using var http = Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(
            endless.AddTo)).CreateClient();
        using var leaving = new CancellationTokenSource();
        var running = http.GetAsync("/posts?q=" + Uri.EscapeDataString(EndlessSearch.Text), leaving.Token);
        await endless.Started.WaitAsync(TimeSpan.FromSeconds(30));

        await check.CheckAsync(await http.GetAsync("/posts?q=busy"), HttpStatusCode.ServiceUnavailable);

        await leaving.CancelAsync();
        await endless.Ended.WaitAsync(TimeSpan.FromSeconds(30));
        await OpenApiDocument.ReportAsync(check);
        Assert.That(check.Failures, Is.Empty, "where the document and the service disagree");
    }
}
