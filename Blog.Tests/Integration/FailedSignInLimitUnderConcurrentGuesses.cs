using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary>Guesses sent all at once from one address get exactly as many answers as the limit allows.</summary>
public sealed class FailedSignInLimitUnderConcurrentGuesses(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const int Limit = 10;
    private const int Guesses = 200;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:FailedSignIns:PermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:FailedSignIns:WindowSeconds"] = "300",
    };

    [Test]
    public async Task TwoHundredWrongPasswordsAtOnceGetExactlyTheLimitOf401s()
    {
        var user = await Client.RegisterAsync();
        var guesser = Factory.CreateClientFrom(IPAddress.Parse("198.51.100.77"));
        HttpStatusCode[] statuses;
        // A password check runs on its thread from start to end, so only as many overlap as the pool has threads
        // (two on a two-core machine, which once let 11 through): with a thread for each guess, all of them do.
        ThreadPool.GetMinThreads(out var workers, out var ports);
        ThreadPool.SetMinThreads(Guesses + workers, ports);
        try
        {
            using var start = new ManualResetEventSlim();
            var guesses = Enumerable.Range(0, Guesses).Select(i => Task.Run(async () =>
            {
                start.Wait();
                using var response = await guesser.SendAsync(HttpMethod.Get, "/me", configure: r => r.Headers.Authorization = BlogClient.Basic(user, $"guess {i}"));
                return response.StatusCode;
            })).ToList();
            start.Set();
            statuses = await Task.WhenAll(guesses);
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, ports);
        }

        var counts = statuses.GroupBy(status => status).ToDictionary(group => group.Key, group => group.Count());
        await TestContext.Out.WriteLineAsync($"{Guesses} wrong passwords at once: {string.Join(", ", counts.Select(c => $"{(int)c.Key} × {c.Value}"))}");
        Assert.That(counts, Is.EquivalentTo(new Dictionary<HttpStatusCode, int>
        {
            [HttpStatusCode.Unauthorized] = Limit,
            [HttpStatusCode.TooManyRequests] = Guesses - Limit,
        }));
    }
}
