using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary>Behind a proxy every client shares its address; the limit must still be each client's own.</summary>
public sealed class FailedSignInLimitBehindAProxy(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const int Limit = 3;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ForwardedHeaders:Enabled"] = "true",
        ["RateLimiting:FailedSignIns:PermitLimit"] = Limit.ToString(),
    };

    [Test]
    public async Task AGuessingClientDoesNotLockOutTheOthersBehindTheSameProxy()
    {
        var proxy = Factory.CreateClientFrom(IPAddress.Loopback);
        var user = await Client.RegisterAsync();
        for (var i = 0; i < Limit; i++)
        {
            using var guess = await SignInAsync(proxy, user, $"guess {i}", forwardedFor: "198.51.100.1");
        }

        using var guesser = await SignInAsync(proxy, user, BlogClient.Password, forwardedFor: "198.51.100.1");
        using var someoneElse = await SignInAsync(proxy, user, BlogClient.Password, forwardedFor: "198.51.100.2");

        Assert.That(guesser.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(someoneElse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AClientThatIsNotAProxyCannotChangeItsAddressWithXForwardedFor()
    {
        var stranger = Factory.CreateClientFrom(IPAddress.Parse("203.0.113.9"));
        var user = await Client.RegisterAsync();
        for (var i = 0; i < Limit; i++)
        {
            using var guess = await SignInAsync(stranger, user, $"guess {i}", forwardedFor: $"198.51.100.{10 + i}");
        }

        using var next = await SignInAsync(stranger, user, BlogClient.Password, forwardedFor: "198.51.100.99");

        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    private static Task<HttpResponseMessage> SignInAsync(BlogClient client, string user, string password, string forwardedFor) =>
        client.SendAsync(HttpMethod.Get, "/me", configure: r =>
        {
            r.Headers.Authorization = BlogClient.Basic(user, password);
            r.Headers.Add("X-Forwarded-For", forwardedFor);
        });
}
