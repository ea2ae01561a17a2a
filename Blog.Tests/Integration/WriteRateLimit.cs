using System.Net;
using Blog.Tests.Unit;
using Microsoft.Extensions.DependencyInjection;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class WriteRateLimit(DatabaseProvider provider) : IntegrationTest(provider)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:Writes:PermitLimit"] = "3",
        ["RateLimiting:Writes:WindowSeconds"] = "60",
    };

    /// <summary>The service's clock, which the Retry-After tests move instead of sleeping.</summary>
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);

    [Test]
    public async Task WritesOverTheLimitGet429WithRetryAfterAndReadsAndHealthDoNot()
    {
        var user = await Client.RegisterAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await Client.CreatePostResponseAsync(user);
            statuses.Add(response.StatusCode);
        }

        using var limited = await Client.CreatePostResponseAsync(user);
        var problem = await BlogClient.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Multiple(async () =>
        {
            Assert.That(statuses.Take(3), Is.All.EqualTo(HttpStatusCode.Created));
            Assert.That(statuses[3], Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(limited.Headers.RetryAfter?.Delta?.TotalSeconds, Is.GreaterThan(0));
            Assert.That((await Client.Http.GetAsync("/posts")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await Client.Http.GetAsync("/health")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Retry-After"));
        });
        using var otherUser = await Client.CreatePostResponseAsync(await Client.RegisterAsync());
        Assert.That(otherUser.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the limit is per user");
    }

    [Test]
    public async Task CommentWritesSpendTheSameBudget()
    {
        // Registered from an address of its own: registrations spend their address's budget, which the other tests use up.
        var client = Factory.CreateClientFrom(IPAddress.Parse("192.0.2.11"));
        using var http = client.Http;
        var user = await client.RegisterAsync();
        var post = await client.CreatePostAsync(user);
        var comment = await client.CreateCommentAsync(user, post);
        using (var patch = await client.SendAsync(HttpMethod.Patch, BlogClient.Href(comment, "self"), user, BlogClient.Json("""{"body":"Edited"}""", "application/merge-patch+json")))
        {
            Assert.That(patch.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using var limited = await client.SendAsync(HttpMethod.Delete, BlogClient.Href(comment, "self"), user);

        await BlogClient.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.That(limited.Headers.RetryAfter?.Delta?.TotalSeconds, Is.GreaterThan(0));
    }

    [Test]
    public async Task RetryAfterIsTheTimeLeftInTheWindow()
    {
        var user = await Client.RegisterAsync();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await Client.CreatePostResponseAsync(user);
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        clock.Advance(TimeSpan.FromSeconds(45));
        using var limited = await Client.CreatePostResponseAsync(user);

        await BlogClient.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.That(limited.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(15)));
    }
}
