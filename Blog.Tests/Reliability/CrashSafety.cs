using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Blog.Tests.Reliability;

/// <summary>
/// Runs the real service as a child process, puts a write load on it (tagged creates, half of them drafts that are
/// then published with other tags, the other half commented on), kills it with SIGKILL mid-load and restarts it on the same database, three times;
/// every write that was answered 201 or 200 must still be there, as it was answered, the kept counts (each author's
/// each tag's and each post's comments) must equal the rows they count, and the database must pass its integrity check (SQLite's <c>PRAGMA integrity_check</c>; on PostgreSQL, amcheck over
/// every B-tree index and the rows it must index). On PostgreSQL the server itself is also stopped at once
/// (<c>pg_ctl restart -m immediate</c>, a crash as far as its data is concerned) after each kill.
/// </summary>
[Category("Reliability")]
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class CrashSafety(DatabaseProvider provider)
{
    private const int Kills = 3;
    private const int Writers = 8;
    private const int MinimumCreatesBeforeKill = 25;
    private const string Password = "crash safety password";
    private static readonly TimeSpan[] LoadBeforeKill = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(3)];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private const string PostgresIndexCheck = """
        CREATE EXTENSION IF NOT EXISTS amcheck;
        SELECT count(bt_index_check(c.oid, true))
        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE a.amname = 'btree' AND n.nspname = 'public';
        """;

    private readonly List<BlogServerProcess> servers = [];
    private TestDatabase? database;

    [TearDown]
    public void StopServersAndDeleteTheDatabase()
    {
        foreach (var server in servers)
        {
            server.Dispose();
        }

        servers.Clear();
        database?.Dispose();
    }

    [Test]
    public async Task EveryAcknowledgedCreateSurvivesSigkillAndTheDatabaseStaysIntact()
    {
        var apiDll = BlogServerProcess.LocateApiDll();
        database = TestDatabase.Create(provider);
        TestContext.Out.WriteLine($"crash: {apiDll} on {database.ConnectionString}");
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) }) { Timeout = TimeSpan.FromSeconds(15) };
        var username = $"crash{Guid.NewGuid():N}"[..20];
        var authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{Password}")));
        var acknowledged = new ConcurrentDictionary<string, Created>();
        var comments = new ConcurrentDictionary<string, Commented>();
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
                lost.AddRange(await FindLostAsync(http, server, authorization, acknowledged.Values, comments.Values));
                Assert.That(lost, Is.Empty, () => $"Acknowledged creates missing after restart {kill - 1}:\n{string.Join('\n', lost.Take(20))}\n{server.LoggedErrors()}");
            }

            var load = await RunLoadThenKillAsync(http, server, authorization, kill, acknowledged, comments);
            TestContext.Out.WriteLine(
                $"crash: kill {kill}: SIGKILL after {load.Elapsed.TotalSeconds:F1} s of load; {load.Acknowledged} creates acknowledged, " +
                $"{load.CutOff} of {Writers} writers had a request fail at the kill{WalLeft()}");
            if (provider == DatabaseProvider.Postgres)
            {
                await RestartPostgresImmediatelyAsync();
            }

            Assert.That(load.Unexpected, Is.Empty, () => $"Answers other than 201 before the kill:\n{string.Join('\n', load.Unexpected.Take(20))}\n{server.LoggedErrors()}");
            Assert.That(load.Acknowledged, Is.GreaterThan(0), "the load made no creates before the kill");

            // The database exactly as the killed process left it, before the service's restart touches it.
            var state = await InspectDatabaseAsync(acknowledged.Keys);
            Assert.That(state.Integrity, Is.EqualTo("ok"), $"integrity check after kill {kill}");
            Assert.That(state.MissingTitles, Is.Empty, () => $"Acknowledged titles not in the database after kill {kill}: {string.Join(", ", state.MissingTitles.Take(20))}");
            Assert.That(state.PostCountMismatches, Is.Empty, $"Users and tags whose kept count differs from their posts after kill {kill}");
        }

        var last = await StartAsync(apiDll, http);
        lost.AddRange(await FindLostAsync(http, last, authorization, acknowledged.Values, comments.Values));
        last.Kill();
        var final = await InspectDatabaseAsync(acknowledged.Keys);

        TestContext.Out.WriteLine($"crash: {Kills} kills, {acknowledged.Count} acknowledged creates, {comments.Count} acknowledged comments, {lost.Count} lost, integrity {final.Integrity}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lost, Is.Empty, () => $"Acknowledged creates missing after the last restart:\n{string.Join('\n', lost.Take(20))}\n{last.LoggedErrors()}");
            Assert.That(final.Integrity, Is.EqualTo("ok"), "integrity check at the end");
            Assert.That(final.MissingTitles, Is.Empty);
            Assert.That(final.PostCountMismatches, Is.Empty, "Users and tags whose kept count differs from their posts at the end");
        }
    }

    /// <summary>An answered create, as last answered; <see cref="InFlight"/>: an edit sent but never answered (the kill came first).</summary>
    private sealed record Created(string Title, string Path, int Kill, string Status, string[] Tags, PostState? InFlight = null);

    private sealed record PostState(string Status, IReadOnlyList<string> Tags)
    {
        public bool Equals(PostState? other) => other is not null && Status == other.Status && Tags.SequenceEqual(other.Tags);

        public override int GetHashCode() => Status.GetHashCode(StringComparison.Ordinal);
    }

    private sealed record Commented(string Body, string Path, int Kill);

    private sealed record LoadResult(TimeSpan Elapsed, int Acknowledged, int CutOff, IReadOnlyCollection<string> Unexpected);

    private sealed record DatabaseState(string Integrity, IReadOnlyList<string> MissingTitles, IReadOnlyList<string> PostCountMismatches);

    private async Task<BlogServerProcess> StartAsync(string apiDll, HttpClient http)
    {
        var started = Stopwatch.StartNew();
        // The database's own settings win over the process's SQLite default.
        var settings = database!.Settings.ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value!);
        var server = await BlogServerProcess.StartAsync(apiDll, provider == DatabaseProvider.Sqlite ? database.SqlitePath : "", http, StartTimeout, settings: settings);
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
    private static async Task<LoadResult> RunLoadThenKillAsync(
        HttpClient http, BlogServerProcess server, AuthenticationHeaderValue authorization, int kill, ConcurrentDictionary<string, Created> acknowledged,
        ConcurrentDictionary<string, Commented> comments)
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
                var draft = n % 2 == 1;
                string[] tags = [$"crash-{n % 5}", $"writer-{writer}"];
                using var request = new HttpRequestMessage(HttpMethod.Post, posts)
                {
                    Content = new StringContent(
                        JsonSerializer.Serialize(new { title, body = $"Written by writer {writer} before kill {kill}.", tags, status = draft ? "draft" : "published" }),
                        Encoding.UTF8,
                        "application/json"),
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

                string path;
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

                    path = response.Headers.Location.AbsolutePath;
                    acknowledged[title] = new Created(title, path, kill, draft ? "draft" : "published", tags);
                    Interlocked.Increment(ref acknowledgedHere);
                }

                if (!await (draft ? PublishAsync(title, path) : CommentAsync(title, path)))
                {
                    return;
                }
            }
        }

        // Comments on the post; false once the server is gone.
        async Task<bool> CommentAsync(string title, string path)
        {
            var body = $"A comment on {title}";
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseAddress, path + "/comments"))
            {
                Content = new StringContent(JsonSerializer.Serialize(new { body }), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = authorization;
            try
            {
                using var response = await http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.Created || response.Headers.Location is null)
                {
                    unexpected.Enqueue($"POST {path}/comments → {(int)response.StatusCode}: {text}");
                    return true;
                }

                comments[body] = new Commented(body, response.Headers.Location.AbsolutePath, kill);
                return true;
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
            {
                if (await server.WaitForExitAsync(TimeSpan.FromSeconds(5)))
                {
                    Interlocked.Increment(ref cutOff);
                }
                else
                {
                    unexpected.Enqueue($"POST {path}/comments: {error.GetType().Name}: {error.Message} while the server was running");
                }

                return false;
            }
        }

        // Publishes the draft with other tags; false once the server is gone.
        async Task<bool> PublishAsync(string title, string path)
        {
            string[] tags = ["crash-published", $"crash-{title.Length % 5}"];

            // Until it is answered, the publish may or may not have been made: either state is right after a kill.
            acknowledged[title] = acknowledged[title] with { InFlight = new PostState("published", tags) };
            using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(server.BaseAddress, path))
            {
                Content = new StringContent(JsonSerializer.Serialize(new { status = "published", tags }), Encoding.UTF8, "application/merge-patch+json"),
            };
            request.Headers.Authorization = authorization;
            try
            {
                using var response = await http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    unexpected.Enqueue($"PATCH {path} → {(int)response.StatusCode}: {text}");
                    acknowledged[title] = acknowledged[title] with { InFlight = null };
                    return true;
                }

                acknowledged[title] = acknowledged[title] with { Status = "published", Tags = tags, InFlight = null };
                return true;
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
            {
                if (await server.WaitForExitAsync(TimeSpan.FromSeconds(5)))
                {
                    Interlocked.Increment(ref cutOff);
                }
                else
                {
                    unexpected.Enqueue($"PATCH {path}: {error.GetType().Name}: {error.Message} while the server was running");
                }

                return false;
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

    /// <summary>
    /// Each acknowledged write, read back by its author through the restarted service: 200, the same title, and the
    /// status and tags of the last answered write.
    /// </summary>
    private static async Task<List<string>> FindLostAsync(
        HttpClient http, BlogServerProcess server, AuthenticationHeaderValue authorization, IEnumerable<Created> creates, IEnumerable<Commented> comments)
    {
        var lost = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(comments, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (comment, _) =>
        {
            using var response = await http.GetAsync(new Uri(server.BaseAddress, comment.Path));
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || JsonNode.Parse(text)?["body"]?.GetValue<string>() != comment.Body)
            {
                lost.Enqueue($"{comment.Path} ('{comment.Body}', acknowledged before kill {comment.Kill}) → {(int)response.StatusCode}: {text}");
            }
        });

        await Parallel.ForEachAsync(creates, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (created, _) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, created.Path));
            request.Headers.Authorization = authorization;
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var post = response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(text) : null;
            var tags = post?["tags"]?.AsArray().Select(tag => tag!.GetValue<string>()).ToArray() ?? [];
            if (post is null)
            {
                lost.Enqueue($"{created.Path} ('{created.Title}', acknowledged before kill {created.Kill}) → {(int)response.StatusCode}: {text}");
            }
            else if (post["title"]?.GetValue<string>() != created.Title
                || (!new PostState(post["status"]?.GetValue<string>() ?? "", tags).Equals(new PostState(created.Status, created.Tags))
                    && !new PostState(post["status"]?.GetValue<string>() ?? "", tags).Equals(created.InFlight)))
            {
                lost.Enqueue($"{created.Path} ('{created.Title}', {created.Status}, [{string.Join(", ", created.Tags)}], acknowledged before kill {created.Kill}) → 200 with: {text}");
            }
        });
        return [.. lost];
    }

    private string WalLeft()
    {
        if (provider != DatabaseProvider.Sqlite)
        {
            return "";
        }

        var wal = new FileInfo(database!.SqlitePath + "-wal");
        return $", WAL left at {(wal.Exists ? wal.Length : 0)} bytes";
    }

    /// <summary>An immediate shutdown (no checkpoint, like a crash of the server) and a start, which replays its WAL.</summary>
    private static async Task RestartPostgresImmediatelyAsync()
    {
        var pgCtl = Directory.GetDirectories("/usr/lib/postgresql").Order().Select(version => Path.Combine(version, "bin", "pg_ctl")).Last(File.Exists);
        // No redirected output: the server pg_ctl starts would inherit the pipe and keep it open; it logs to a file.
        var start = new ProcessStartInfo(Environment.UserName == "root" ? "runuser" : pgCtl);
        if (Environment.UserName == "root")
        {
            foreach (var argument in new[] { "-u", "postgres", "--", pgCtl })
            {
                start.ArgumentList.Add(argument);
            }
        }

        var log = Path.Combine(Path.GetDirectoryName(TestServers.PostgresDataDirectory)!, "server.log");
        foreach (var argument in new[] { "restart", "-D", TestServers.PostgresDataDirectory, "-l", log, "-m", "immediate", "-w" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, $"pg_ctl restart -m immediate (its log: {log})");
        NpgsqlConnection.ClearAllPools();
        TestContext.Out.WriteLine("crash: PostgreSQL stopped with -m immediate and started again");
    }

    /// <summary>
    /// Opens the database directly (no service running): its integrity check, every acknowledged title present, and
    /// each user's kept post count equal to their rows (a torn transaction would break it).
    /// </summary>
    private async Task<DatabaseState> InspectDatabaseAsync(ICollection<string> acknowledgedTitles)
    {
        var sqlite = provider == DatabaseProvider.Sqlite;
        await using DbConnection connection = sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database!.SqlitePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString())
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database!.ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();

        string integrity;
        try
        {
            integrity = sqlite ? string.Join("; ", await ReadAsync(connection, "PRAGMA integrity_check;", row => row.GetString(0))) : Checked(await ReadAsync(connection, PostgresIndexCheck, row => row.GetInt64(0)));
        }
        catch (PostgresException corrupt)
        {
            integrity = corrupt.Message;
        }

        // Quoted names: PostgreSQL folds unquoted ones to lower case; SQLite takes them as they are.
        var present = (await ReadAsync(connection, """SELECT "Title" FROM "Posts";""", row => row.GetString(0))).ToHashSet(StringComparer.Ordinal);
        var mismatches = await ReadAsync(
            connection,
            """
            SELECT 'user ' || "Username", "PostCount", (SELECT COUNT(*) FROM "Posts" WHERE "Posts"."AuthorId" = "Users"."Id" AND "PublishedDate" IS NOT NULL) FROM "Users"
            UNION ALL
            SELECT 'tag ' || "Name", "PostCount",
                   (SELECT COUNT(*) FROM "PostTags" JOIN "Posts" ON "Posts"."Id" = "PostTags"."PostId" WHERE "PostTags"."Name" = "Tags"."Name" AND "PublishedDate" IS NOT NULL)
            FROM "Tags"
            UNION ALL
            SELECT 'post ' || "Title", "CommentCount", (SELECT COUNT(*) FROM "Comments" WHERE "Comments"."PostId" = "Posts"."Id") FROM "Posts";
            """,
            row => Convert.ToInt64(row.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) == row.GetInt64(2) ? null : $"{row.GetString(0)}: kept count {row.GetValue(1)}, rows {row.GetInt64(2)}");

        return new DatabaseState(integrity, [.. acknowledgedTitles.Where(title => !present.Contains(title))], [.. mismatches.OfType<string>()]);
    }

    private static string Checked(IReadOnlyList<long> checkedIndexes) => checkedIndexes is [> 0] ? "ok" : "no index was checked";

    private static async Task<IReadOnlyList<T>> ReadAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
