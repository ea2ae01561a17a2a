using System.Net;
using Blog.Domain.Tokens;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary>Guessed tokens count as failed sign-ins of the client address, as wrong passwords do.</summary>
public sealed class FailedTokenSignInLimit(DatabaseProvider provider) : IntegrationTest(provider)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:FailedSignIns:PermitLimit"] = "3",
        ["RateLimiting:FailedSignIns:WindowSeconds"] = "300",
    };

    [Test]
    public async Task AGuessingClientGets429EvenForARightToken()
    {
        var user = await Client.RegisterAsync();
        var secret = await Client.CreateTokenSecretAsync(user, "read");
        var me = await Client.RootLinkAsync("me");
        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var guess = await Client.SendAsync(HttpMethod.Get, me, configure: BlogClient.Bearer(AccessTokenSecret.Generate()));
            guesses.Add(guess.StatusCode);
        }

        using var right = await Client.SendAsync(HttpMethod.Get, me, configure: BlogClient.Bearer(secret));

        Assert.That(guesses.Take(3), Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(guesses[3], Is.EqualTo(HttpStatusCode.TooManyRequests));
        await BlogClient.AssertProblemAsync(right, HttpStatusCode.TooManyRequests);
        Assert.That(right.Headers.RetryAfter?.Delta?.TotalSeconds, Is.GreaterThan(0));
    }
}
