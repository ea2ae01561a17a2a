using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Blog.Tests.Reliability;

/// <summary>
/// Runs the real service as a child process, puts a write load on it, kills it with SIGKILL mid-load and restarts it
/// on the same SQLite file, three times; every create that was answered 201 must still be there, with its title, and
/// the file must pass <c>PRAGMA integrity_check</c>.
/// </summary>
[Category("Reliability")]
public sealed class CrashSafety
{
    private const int Kills = 3;
    private const int Writers = 8;
    private const int MinimumCreatesBeforeKill = 25;
    private const string Password = "crash safety password";
    private static readonly TimeSpan[] LoadBeforeKill = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(3)];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly List<BlogServerProcess> servers = [];
    private string? databasePath;

    [TearDown]
    public void StopServersAndDeleteTheDatabase()
    {
        foreach (var server in servers)
        {
            server.Dispose();
        }

        servers.Clear();
        SqliteConnection.ClearAllPools();
        if (databasePath is not null)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(databasePath + suffix);
            }
        }
    }

    [Test]
    public async Task EveryAcknowledgedCreateSurvivesSigkillAndTheFileStaysIntact()
    {
        var apiDll = BlogServerProcess.LocateApiDll();
        databasePath = Path.Combine(Path.GetTempPath(), $"blog-crash-{Guid.NewGuid():N}.db");
        TestContext.Out.WriteLine($"crash: {apiDll} on {databasePath}");
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) }) { Timeout = TimeSpan.FromSeconds(15) };
        var username = $"crash{Guid.NewGuid():N}"[..20];
        var authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{Password}")));
        var acknowledged = new ConcurrentDictionary<string, Created>();
        var lost = new List<string>();

        for (var kill = 1; kill <= Kills; kill++)
        {
            var server = await StartAsync(apiDll, http);
            if (kill == 1)
            {
                await RegisterAsync(http, server, username);
            }
            else
            {
                lost.AddRange(await FindLostAsync(http, server, acknowledged.Values));
                Assert.That(lost, Is.Empty, () => $"Acknowledged creates missing after restart {kill - 1}:\n{string.Join('\n', lost.Take(20))}\n{server.LoggedErrors()}");
            }

            var load = await RunLoadThenKillAsync(http, server, authorization, kill, acknowledged);
            var wal = new FileInfo(databasePath + "-wal");
            TestContext.Out.WriteLine(
                $"crash: kill {kill}: SIGKILL after {load.Elapsed.TotalSeconds:F1} s of load; {load.Acknowledged} creates acknowledged, " +
                $"{load.CutOff} of {Writers} writers had a request fail at the kill, WAL left at {(wal.Exists ? wal.Length : 0)} bytes");
            Assert.That(load.Unexpected, Is.Empty, () => $"Answers other than 201 before the kill:\n{string.Join('\n', load.Unexpected.Take(20))}\n{server.LoggedErrors()}");
            Assert.That(load.Acknowledged, Is.GreaterThan(0), "the load made no creates before the kill");

            // The file exactly as the killed process left it, before any restart touches it.
            var file = InspectFile(databasePath, acknowledged.Keys);
            Assert.That(file.Integrity, Is.EqualTo("ok"), $"PRAGMA integrity_check after kill {kill}");
            Assert.That(file.MissingTitles, Is.Empty, () => $"Acknowledged titles not in the file after kill {kill}: {string.Join(", ", file.MissingTitles.Take(20))}");
            Assert.That(file.PostCountMismatches, Is.Empty, $"Users whose postCount differs from their posts after kill {kill}");
        }

        var last = await StartAsync(apiDll, http);
        lost.AddRange(await FindLostAsync(http, last, acknowledged.Values));
        last.Kill();
        var final = InspectFile(databasePath, acknowledged.Keys);

        TestContext.Out.WriteLine($"crash: {Kills} kills, {acknowledged.Count} acknowledged creates, {lost.Count} lost, integrity {final.Integrity}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lost, Is.Empty, () => $"Acknowledged creates missing after the last restart:\n{string.Join('\n', lost.Take(20))}\n{last.LoggedErrors()}");
            Assert.That(final.Integrity, Is.EqualTo("ok"), "PRAGMA integrity_check at the end");
            Assert.That(final.MissingTitles, Is.Empty);
            Assert.That(final.PostCountMismatches, Is.Empty, "Users whose postCount differs from their posts at the end");
        }
    }

    private sealed record Created(string Title, string Path, int Kill);

    private sealed record LoadResult(TimeSpan Elapsed, int Acknowledged, int CutOff, IReadOnlyCollection<string> Unexpected);

    private sealed record FileState(string Integrity, IReadOnlyList<string> MissingTitles, IReadOnlyList<string> PostCountMismatches);

    private async Task<BlogServerProcess> StartAsync(string apiDll, HttpClient http)
    {
        var started = Stopwatch.StartNew();
        var server = await BlogServerProcess.StartAsync(apiDll, databasePath!, http, StartTimeout);
        servers.Add(server);
        TestContext.Out.WriteLine($"crash: started pid {server.ProcessId} on {server.BaseAddress} (healthy after {started.Elapsed.TotalSeconds:F1} s)");
        return server;
    }

    private static async Task RegisterAsync(HttpClient http, BlogServerProcess server, string username)
    {
        using var response = await http.PostAsync(
            new Uri(server.BaseAddress, "users"),
            new StringContent(JsonSerializer.Serialize(new { username, password = Password }), Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// <see cref="Writers"/> clients create posts with unique titles as fast as they are answered; each 201 is
    /// recorded with its Location. Once the time for this round has passed and some creates were acknowledged,
    /// the server is killed with requests in flight.
    /// </summary>
    private static async Task<LoadResult> RunLoadThenKillAsync(HttpClient http, BlogServerProcess server, AuthenticationHeaderValue authorization, int kill, ConcurrentDictionary<string, Created> acknowledged)
    {
        var unexpected = new ConcurrentQueue<string>();
        var acknowledgedHere = 0;
        var cutOff = 0;
        using var stop = new CancellationTokenSource();
        var posts = new Uri(server.BaseAddress, "posts");

        async Task WriteAsync(int writer)
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var title = $"crash k{kill} w{writer} n{n} {Guid.NewGuid():N}";
                using var request = new HttpRequestMessage(HttpMethod.Post, posts)
                {
                    Content = new StringContent(JsonSerializer.Serialize(new { title, body = $"Written by writer {writer} before kill {kill}." }), Encoding.UTF8, "application/json"),
                };
                request.Headers.Authorization = authorization;
                HttpResponseMessage response;
                string text;
                try
                {
                    response = await http.SendAsync(request);
                    text = await response.Content.ReadAsStringAsync();
                }
                catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
                {
                    if (await server.WaitForExitAsync(TimeSpan.FromSeconds(5)))
                    {
                        Interlocked.Increment(ref cutOff);
                    }
                    else
                    {
                        unexpected.Enqueue($"writer {writer}: {error.GetType().Name}: {error.Message} while the server was running");
                    }

                    return;
                }

                using (response)
                {
                    if (response.StatusCode != HttpStatusCode.Created || response.Headers.Location is null)
                    {
                        unexpected.Enqueue($"POST {posts} '{title}' → {(int)response.StatusCode}: {text}");
                        continue;
                    }

                    var created = JsonNode.Parse(text);
                    if (created?["title"]?.GetValue<string>() != title)
                    {
                        unexpected.Enqueue($"POST {posts} '{title}' → 201 with another title: {text}");
                        continue;
                    }

                    acknowledged[title] = new Created(title, response.Headers.Location.AbsolutePath, kill);
                    Interlocked.Increment(ref acknowledgedHere);
                }
            }
        }

        var elapsed = Stopwatch.StartNew();
        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(() => WriteAsync(writer))).ToArray();
        var minimum = LoadBeforeKill[(kill - 1) % LoadBeforeKill.Length];
        while (elapsed.Elapsed < minimum || (Volatile.Read(ref acknowledgedHere) < MinimumCreatesBeforeKill && elapsed.Elapsed < TimeSpan.FromSeconds(15)))
        {
            if (writers.All(writer => writer.IsCompleted))
            {
                break;
            }

            await Task.Delay(50);
        }

        server.Kill();
        var killedAfter = elapsed.Elapsed;
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        return new LoadResult(killedAfter, acknowledgedHere, cutOff, unexpected.ToArray());
    }

    /// <summary>Each acknowledged create, read back through the restarted service: 200 and the same title.</summary>
    private static async Task<List<string>> FindLostAsync(HttpClient http, BlogServerProcess server, IEnumerable<Created> creates)
    {
        var lost = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(creates, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (created, _) =>
        {
            using var response = await http.GetAsync(new Uri(server.BaseAddress, created.Path));
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                lost.Enqueue($"{created.Path} ('{created.Title}', acknowledged before kill {created.Kill}) → {(int)response.StatusCode}: {text}");
            }
            else if (JsonNode.Parse(text)?["title"]?.GetValue<string>() != created.Title)
            {
                lost.Enqueue($"{created.Path} ('{created.Title}', acknowledged before kill {created.Kill}) → 200 with another title: {text}");
            }
        });
        return [.. lost];
    }

    /// <summary>
    /// Opens the SQLite file directly (no service running): <c>PRAGMA integrity_check</c>, every acknowledged title
    /// present, and each user's kept post count equal to their rows (a torn transaction would break it).
    /// </summary>
    private static FileState InspectFile(string path, ICollection<string> acknowledgedTitles)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();

        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        var results = new List<string>();
        using (var reader = check.ExecuteReader())
        {
            while (reader.Read())
            {
                results.Add(reader.GetString(0));
            }
        }

        using var titles = connection.CreateCommand();
        titles.CommandText = "SELECT Title FROM Posts;";
        var present = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = titles.ExecuteReader())
        {
            while (reader.Read())
            {
                present.Add(reader.GetString(0));
            }
        }

        using var counts = connection.CreateCommand();
        counts.CommandText = "SELECT Username, PostCount, (SELECT COUNT(*) FROM Posts WHERE Posts.AuthorId = Users.Id) FROM Users;";
        var mismatches = new List<string>();
        using (var reader = counts.ExecuteReader())
        {
            while (reader.Read())
            {
                if (reader.GetInt64(1) != reader.GetInt64(2))
                {
                    mismatches.Add($"{reader.GetString(0)}: postCount {reader.GetInt64(1)}, posts {reader.GetInt64(2)}");
                }
            }
        }

        return new FileState(string.Join("; ", results), [.. acknowledgedTitles.Where(title => !present.Contains(title))], mismatches);
    }
}
