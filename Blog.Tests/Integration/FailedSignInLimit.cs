using System.Net;
using Blog.Tests.Unit;
using Microsoft.Extensions.DependencyInjection;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class FailedSignInLimit(DatabaseProvider provider) : IntegrationTest(provider)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:FailedSignIns:PermitLimit"] = "3",
        ["RateLimiting:FailedSignIns:WindowSeconds"] = "300",
    };

    /// <summary>The service's clock, which the Retry-After tests move instead of sleeping.</summary>
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);

    [Test]
    public async Task AGuessingClientGets429EvenForTheRightPassword()
    {
        var client = Factory.CreateClientFrom(System.Net.IPAddress.Parse("198.51.100.1"));
        var user = await Client.RegisterAsync();
        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var guess = await SignInAsync(client, user, $"guess {i}");
            guesses.Add(guess.StatusCode);
        }

        using var right = await SignInAsync(client, user, BlogClient.Password);

        Assert.That(guesses.Take(3), Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(guesses[3], Is.EqualTo(HttpStatusCode.TooManyRequests));
        await BlogClient.AssertProblemAsync(right, HttpStatusCode.TooManyRequests);
        Assert.That(right.Headers.RetryAfter?.Delta?.TotalSeconds, Is.GreaterThan(0));
    }

    [Test]
    public async Task RightPasswordsAreNotCountedAsFailures()
    {
        var client = Factory.CreateClientFrom(System.Net.IPAddress.Parse("198.51.100.2"));
        var user = await Client.RegisterAsync();
        var statuses = new List<HttpStatusCode>();
        foreach (var password in new[] { "wrong 1", "wrong 2", BlogClient.Password, BlogClient.Password, BlogClient.Password, "wrong 3", "wrong 4" })
        {
            using var response = await SignInAsync(client, user, password);
            statuses.Add(response.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[]
        {
            HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK,
            HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests,
        }));
    }

    [Test]
    public async Task RetryAfterIsTheTimeLeftInTheWindow()
    {
        var user = await Client.RegisterAsync();
        for (var i = 0; i < 3; i++)
        {
            using var guess = await SignInAsync(Client, user, $"guess {i}");
            Assert.That(guess.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            clock.Advance(TimeSpan.FromSeconds(60));
        }

        using var refused = await SignInAsync(Client, user, BlogClient.Password);

        await BlogClient.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(120)));
    }

    private static Task<HttpResponseMessage> SignInAsync(BlogClient client, string user, string password) =>
        client.SendAsync(HttpMethod.Get, "/me", configure: r => r.Headers.Authorization = BlogClient.Basic(user, password));
}
