using System.Net;

namespace Blog.Tests.Integration;

public sealed class WriteRateLimit : IntegrationTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:Writes:PermitLimit"] = "3",
        ["RateLimiting:Writes:WindowSeconds"] = "60",
    };

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
}

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

public sealed class InputLimits : IntegrationTest
{
    [Test]
    public async Task ABodyOver1MiBIs413AndCreatesNothing()
    {
        var user = await Client.RegisterAsync();
        var body = new string('b', 1024 * 1024);

        using var response = await Client.CreatePostResponseAsync(user, "big", body);

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.That((await Client.GetJsonAsync($"/users/{user}"))["postCount"]!.GetValue<int>(), Is.EqualTo(0));
    }

    [Test]
    public async Task DeeplyNestedJsonIs400()
    {
        var user = await Client.RegisterAsync();
        var json = $"{{\"title\":\"T\",\"body\":\"B\",\"x\":{new string('[', 1000)}{new string(']', 1000)}}}";

        using var response = await Client.SendAsync(HttpMethod.Post, "/posts", user, BlogClient.Json(json));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task AnOverlongIdIs404()
    {
        using var response = await Client.Http.GetAsync($"/posts/{new string('1', 5000)}");

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ManyConcurrentCreatesAllSucceedAndAllAreStored()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Client.RegisterAsync()));

        var responses = await Task.WhenAll(Enumerable.Range(0, 80).Select(i => Client.CreatePostResponseAsync(users[i % 4], $"Concurrent {i}")));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
        foreach (var response in responses)
        {
            using var get = await Client.Http.GetAsync(response.Headers.Location);
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var counts = await Task.WhenAll(users.Select(async u => (await Client.GetJsonAsync($"/users/{u}"))["postCount"]!.GetValue<int>()));
        Assert.That(counts, Is.All.EqualTo(20));
    }
}
