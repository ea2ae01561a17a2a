using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;
using Blog.Tests.Integration;

namespace Blog.Tests.ScaleOut;

/// <summary>
/// SIGKILL one of two instances behind nginx while writers create posts and a reader reads one: the other instance
/// answers everything after it, nginx retries the reads that the dead instance dropped (a GET may be repeated) but
/// never a create it had already sent (that one may have happened: its client gets 502 and no promise), and every
/// create that was acknowledged with 201 is there afterwards.
/// </summary>
[Category("ScaleOut")]
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class InstanceFailover(DatabaseProvider database)
{
    private const int Writers = 8;
    private static readonly TimeSpan LoadBeforeKill = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LoadAfterKill = TimeSpan.FromSeconds(3);

    private BlogFleet fleet = null!;

    [SetUp]
    public async Task StartTwoInstancesBehindNginx() => fleet = await BlogFleet.StartAsync(new FleetOptions { Database = database });

    [TearDown]
    public void StopThem()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            TestContext.Out.WriteLine(fleet.Diagnostics());
        }

        fleet.Dispose();
    }

    [Test]
    public async Task AfterSigkillOfOneInstanceTheOtherAnswersAndNoAcknowledgedCreateIsLost()
    {
        using var http = fleet.CreateClient();
        var client = new BlogClient(http);
        var author = await client.RegisterAsync();
        var posts = await client.RootLinkAsync("posts");
        var read = BlogClient.Href(await client.CreatePostAsync(author, "read me"), "self");
        // Each instance's first create is slow (compilation, the first connections); round robin warms both.
        for (var i = 0; i < 2 * fleet.Instances.Count; i++)
        {
            await client.CreatePostAsync(author, $"warm-up {i}");
        }

        var victim = fleet.Instances[0];
        var survivor = fleet.Instances[1].BaseAddress.Authority;

        var acknowledged = new ConcurrentDictionary<string, Uri>();
        var writes = new ConcurrentQueue<Answer>();
        var reads = new ConcurrentQueue<Answer>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();

        async Task WriteAsync(int writer)
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var title = $"failover w{writer} n{n} {Guid.NewGuid():N}";
                var answer = await SendAsync(() => client.SendAsync(HttpMethod.Post, posts, author, BlogClient.Json(JsonSerializer.Serialize(new { title, body = "B" }))), clock, response =>
                {
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged[title] = response.Headers.Location!;
                    }
                });
                writes.Enqueue(answer);
            }
        }

        async Task ReadAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                reads.Enqueue(await SendAsync(() => client.SendAsync(HttpMethod.Get, read), clock));
                await Task.Delay(20);
            }
        }

        var load = Enumerable.Range(0, Writers).Select(writer => Task.Run(() => WriteAsync(writer))).Append(Task.Run(ReadAsync)).ToArray();
        await Task.Delay(LoadBeforeKill);
        var killedAt = clock.Elapsed;
        victim.Kill();
        // Kill returns once the process is gone; what is answered after that can only be the survivor's.
        var deadAt = clock.Elapsed;
        await Task.Delay(LoadAfterKill);
        await stop.CancelAsync();
        await Task.WhenAll(load);
        TestContext.Out.WriteLine($"failover: load ended at {clock.Elapsed.TotalSeconds:F1} s");

        var lost = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(acknowledged, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (created, _) =>
        {
            using var response = await client.SendAsync(HttpMethod.Get, created.Value.ToString());
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || JsonNode.Parse(text)?["title"]?.GetValue<string>() != created.Key)
            {
                lost.Enqueue($"{created.Value} ('{created.Key}') → {(int)response.StatusCode}: {text}");
            }
        });
        TestContext.Out.WriteLine($"failover: checked at {clock.Elapsed.TotalSeconds:F1} s");
        var stored = (await client.GetJsonAsync($"/users/{author}"))["postCount"]!.GetValue<int>() - 1 - (2 * fleet.Instances.Count);

        // Sent after the victim was gone: only the survivor can have answered. (When the answer was read says less: on a
        // loaded machine an answer the victim gave before the kill can be read well after it.)
        var writesAfter = writes.Where(answer => answer.SentAt > deadAt).ToList();
        var failed = writes.Where(answer => answer.Status != HttpStatusCode.Created).ToList();
        var readsAfter = reads.Where(answer => answer.SentAt > deadAt).ToList();
        TestContext.Out.WriteLine(
            $"failover ({database}): {writes.Count} creates, {acknowledged.Count} acknowledged ({writesAfter.Count(answer => answer.Status == HttpStatusCode.Created)} after the kill at {killedAt.TotalSeconds:F1} s, which took {(deadAt - killedAt).TotalMilliseconds:F0} ms), " +
            $"{failed.Count} not ({string.Join(", ", failed.Select(answer => $"{answer.Describe()} at +{(answer.At - killedAt).TotalMilliseconds:F0} ms"))}); " +
            $"{stored} stored ({stored - acknowledged.Count} of the unacknowledged happened anyway); {reads.Count} reads, {reads.Count(answer => answer.Status != HttpStatusCode.OK)} not 200, {readsAfter.Count} after the kill; {lost.Count} lost");
        Assert.Multiple(() =>
        {
            Assert.That(lost, Is.Empty, "every acknowledged create is there");
            Assert.That(stored, Is.GreaterThanOrEqualTo(acknowledged.Count));
            Assert.That(writesAfter.Count(answer => answer.Status == HttpStatusCode.Created), Is.GreaterThanOrEqualTo(Writers), "creates go on after the kill");
            Assert.That(writesAfter.Where(answer => answer.Status == HttpStatusCode.Created).Select(answer => answer.Instance), Is.All.EqualTo(survivor), "on the survivor");
            Assert.That(failed.Select(answer => answer.Status), Is.All.EqualTo(HttpStatusCode.BadGateway), "a create cut off by the kill is 502, never retried by nginx");
            Assert.That(failed, Has.Count.LessThanOrEqualTo(Writers), "only creates in flight at the kill fail, one a writer at most");
            Assert.That(reads.Select(answer => answer.Status), Is.All.EqualTo(HttpStatusCode.OK), "nginx retries a read the dead instance dropped");
            Assert.That(readsAfter, Is.Not.Empty);
        });
    }

    /// <summary>One request: when it was sent, when its answer was read, and what the answer was.</summary>
    private sealed record Answer(TimeSpan SentAt, TimeSpan At, HttpStatusCode? Status, string Instance, string? Error)
    {
        public string Describe() => Status is { } status ? $"{(int)status} from {(Instance.Length > 0 ? Instance : "nginx")}" : $"{Error}";
    }

    private static async Task<Answer> SendAsync(Func<Task<HttpResponseMessage>> send, Stopwatch clock, Action<HttpResponseMessage>? onAnswer = null)
    {
        var sentAt = clock.Elapsed;
        try
        {
            using var response = await send();
            await response.Content.ReadAsStringAsync();
            onAnswer?.Invoke(response);
            return new Answer(sentAt, clock.Elapsed, response.StatusCode, BlogFleet.AnsweredBy(response), null);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return new Answer(sentAt, clock.Elapsed, null, string.Empty, $"{error.GetType().Name}: {error.Message}");
        }
    }
}
