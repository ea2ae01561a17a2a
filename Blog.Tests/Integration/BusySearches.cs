using System.Net;
using Blog.Infrastructure.Data;
using Microsoft.AspNetCore.TestHost;

namespace Blog.Tests.Integration;

/// <summary>With every place for a search taken, more searches wait briefly, then get 503; other reads go on.</summary>
public sealed class BusySearches(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:Searches:ConcurrencyLimit"] = "1",
        ["RateLimiting:Searches:QueueLimit"] = "1",
        ["RateLimiting:Searches:QueueTimeoutMilliseconds"] = "300",
    };

    [Test]
    public async Task SearchesBeyondThePlacesAndTheQueueGet503WithRetryAfterWhileOtherReadsAreServed()
    {
        using var endless = new EndlessSearch(Provider);
        using var http = Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(
            endless.AddTo)).CreateClient();
        var client = new BlogClient(http);
        var post = await client.CreatePostAsync(await client.RegisterAsync(), "Wyvern", "A post about a wyvern");

        using var leaving = new CancellationTokenSource();
        var running = http.GetAsync("/posts?q=" + Uri.EscapeDataString(EndlessSearch.Text), leaving.Token);
        await endless.Started.WaitAsync(Bound);
        // The first waits in the queue until its time is up; the second finds the queue full, or waits in turn.
        var waiting = http.GetAsync("/posts?q=wyvern");
        var refused = http.GetAsync("/posts?q=wyvern");
        using var page = await http.GetAsync("/posts");
        using var one = await http.GetAsync(BlogClient.Href(post, "self"));
        using var waited = await waiting.WaitAsync(Bound);
        using var turnedAway = await refused.WaitAsync(Bound);

        await leaving.CancelAsync();
        await endless.Ended.WaitAsync(Bound);
        using var afterwards = await http.GetAsync("/posts?q=wyvern");

        Assert.Multiple(async () =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a page without q is no search");
            Assert.That(one.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            foreach (var busy in new[] { waited, turnedAway })
            {
                var problem = await BlogClient.AssertProblemAsync(busy, HttpStatusCode.ServiceUnavailable);
                Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Retry-After"));
                Assert.That(busy.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)));
                CacheHeaders.AssertNeverStored(busy, credentials: false);
            }

            Assert.That(afterwards.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the place is free again once the search has stopped");
        });
    }
}
