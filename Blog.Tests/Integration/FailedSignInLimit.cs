using System.Net;

namespace Blog.Tests.Integration;

public sealed class FailedSignInLimit : IntegrationTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:FailedSignIns:PermitLimit"] = "3",
        ["RateLimiting:FailedSignIns:WindowSeconds"] = "300",
    };

    [Test]
    public async Task AGuessingClientGets429EvenForTheRightPassword()
    {
        var user = await Client.RegisterAsync();
        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var guess = await Client.SendAsync(HttpMethod.Get, "/me", configure: r => r.Headers.Authorization = BlogClient.Basic(user, $"guess {i}"));
            guesses.Add(guess.StatusCode);
        }

        using var right = await Client.SendAsync(HttpMethod.Get, "/me", user);

        Assert.That(guesses.Take(3), Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(guesses[3], Is.EqualTo(HttpStatusCode.TooManyRequests));
        await BlogClient.AssertProblemAsync(right, HttpStatusCode.TooManyRequests);
        Assert.That(right.Headers.RetryAfter?.Delta?.TotalSeconds, Is.GreaterThan(0));
    }
}
