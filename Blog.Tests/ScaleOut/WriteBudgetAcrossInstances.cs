using System.Globalization;
using System.Net;
using Blog.Infrastructure.Data;
using Blog.Tests.Integration;

namespace Blog.Tests.ScaleOut;

/// <summary>
/// A user's write budget behind a load balancer: with Redis, one budget that both instances spend from, so the write
/// past it is 429 with Retry-After whichever instance takes it; without Redis, each instance keeps a budget of its own
/// (so a user behind two instances may write twice as much), as the README says.
/// </summary>
[Category("ScaleOut")]
[TestFixture(DatabaseProvider.Sqlite, true)]
[TestFixture(DatabaseProvider.Sqlite, false)]
[TestFixture(DatabaseProvider.Postgres, true)]
public sealed class WriteBudgetAcrossInstances(DatabaseProvider database, bool redis)
{
    private const int PermitLimit = 4;
    private const int WindowSeconds = 60;

    private BlogFleet fleet = null!;
    private BlogClient client = null!;

    [OneTimeSetUp]
    public async Task StartTwoInstancesWithWriteLimits()
    {
        fleet = await BlogFleet.StartAsync(new FleetOptions
        {
            Database = database,
            Redis = redis,
            Settings = new Dictionary<string, string>
            {
                ["RateLimiting__Enabled"] = "true",
                ["RateLimiting__Writes__PermitLimit"] = PermitLimit.ToString(CultureInfo.InvariantCulture),
                ["RateLimiting__Writes__WindowSeconds"] = WindowSeconds.ToString(CultureInfo.InvariantCulture),
            },
        });
        client = new BlogClient(fleet.CreateClient());
    }

    [OneTimeTearDown]
    public void StopThem()
    {
        client?.Http.Dispose();
        fleet?.Dispose();
    }

    [Test]
    public async Task WritesPastTheBudgetGet429WithRetryAfter()
    {
        var author = await client.RegisterAsync();
        var posts = await client.RootLinkAsync("posts");
        // Shared, the budget is the limit; kept per instance, round robin spends each instance's in turn.
        var budget = redis ? PermitLimit : PermitLimit * fleet.Instances.Count;

        var answers = new List<(HttpStatusCode Status, string Instance)>();
        HttpResponseMessage refused;
        while (true)
        {
            // Only writes in between, so that round robin gives them to the instances in turn.
            var response = await client.SendAsync(HttpMethod.Post, posts, author, BlogClient.Json("""{"title":"T","body":"B"}"""));
            answers.Add((response.StatusCode, BlogFleet.AnsweredBy(response)));
            if (response.StatusCode != HttpStatusCode.Created || answers.Count > budget + 2)
            {
                refused = response;
                break;
            }

            response.Dispose();
        }

        using (refused)
        {
            TestContext.Out.WriteLine($"budget ({(redis ? "Redis" : "per instance")}): {string.Join(", ", answers.Select(answer => $"{(int)answer.Status} from {answer.Instance}"))}");
            Assert.That(answers.Take(budget).Select(answer => answer.Instance).Distinct().Count(), Is.EqualTo(fleet.Instances.Count), "the budget was spent on both instances");
            Assert.That(answers.Count(answer => answer.Status == HttpStatusCode.Created), Is.EqualTo(budget), "writes allowed before the first refusal");
            await BlogClient.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
            Assert.That(refused.Headers.RetryAfter?.Delta, Is.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(WindowSeconds)), "Retry-After is the time left in the window");
        }
    }
}
