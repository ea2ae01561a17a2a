using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Blog.Infrastructure.Data;
using Blog.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Blog.Tests.Reliability;

/// <summary>
/// Sends at least 10,000 generated and mutated requests to the in-process service and holds every answer to the
/// contract's error rules: no 5xx, every 4xx a problem+json whose <c>status</c> is the status code, every 2xx body
/// JSON; and the service is healthy afterwards. The run is seeded (<see cref="SeedVariable"/>), and every request
/// can be made again from the seed and its index.
/// </summary>
[Category("Reliability")]
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class Fuzzing(DatabaseProvider provider)
{
    public const string SeedVariable = "BLOG_FUZZ_SEED";
    private const int DefaultSeed = 20_261_121;
    private const int Target = 10_000;
    private const int Concurrency = 6;
    private const int MaxFailuresShown = 10;

    [Test]
    public async Task TenThousandGeneratedRequestsGetNo5xxAndEvery4xxIsAProblem()
    {
        var seed = ReadSeed();
        TestContext.Out.WriteLine($"fuzz: seed {seed} ({SeedVariable} overrides it)");
        var serverErrors = new ConcurrentQueue<ServerError>();
        using var factory = new BlogApiFactory(provider, new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "false",
            // The fuzzer's client is a trusted proxy (loopback), so its forwarded headers are acted on, not ignored.
            ["ForwardedHeaders:Enabled"] = "true",
            // A log entry per request would swamp the test output; warnings and errors still reach the console.
            // The factory passes settings as command-line arguments, parents included, so MinimumLevel needs a value.
            ["Serilog:MinimumLevel"] = "Information",
            ["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Warning",
        });
        using var app = factory.WithWebHostBuilder(builder => builder.ConfigureServices(
            services => services.AddSingleton<ILoggerProvider>(new ErrorCapture(serverErrors))));
        using var http = new HttpClient(app.Server.CreateHandler(context => context.Connection.RemoteIpAddress = IPAddress.Loopback))
        {
            BaseAddress = app.Server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var client = new BlogClient(http);
        var targets = await SetUpTargetsAsync(client);
        var generator = new FuzzRequestGenerator(targets, seed);

        var statuses = new ConcurrentDictionary<int, int>();
        var notSent = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentBag<(int Index, string Text)>();
        var sent = 0;
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Indexes(() => Volatile.Read(ref sent)), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (index, _) =>
        {
            var request = generator.Generate(index);
            var outcome = await SendAndCheckAsync(http, request, seed, serverErrors);
            if (outcome.NotSent is { } reason)
            {
                notSent.AddOrUpdate(reason, 1, (_, n) => n + 1);
                return;
            }

            Interlocked.Increment(ref sent);
            if (outcome.Status is { } status)
            {
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            }

            if (outcome.Failure is { } failure)
            {
                failures.Add((index, failure));
            }
        });
        stopwatch.Stop();

        var histogram = string.Join(", ", statuses.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}: {pair.Value}"));
        TestContext.Out.WriteLine($"fuzz: {sent} requests, seed {seed}, statuses {{{histogram}}}");
        TestContext.Out.WriteLine(
            $"fuzz: {notSent.Values.Sum()} generated requests not sent (the in-process client refused them){(notSent.IsEmpty ? "" : ": " + string.Join("; ", notSent.Select(pair => $"{pair.Value} × {pair.Key}")))}; " +
            $"{stopwatch.Elapsed.TotalSeconds:F1} s, {Concurrency} at a time");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failures.Count, Is.Zero, () => Report(failures, sent, seed));
            Assert.That(sent, Is.GreaterThanOrEqualTo(Target));
            Assert.That(notSent.Values.Sum(), Is.LessThanOrEqualTo(Target / 100), "the client refused more generated requests than expected; the generator needs fixing");
            await AssertHealthyAfterwardsAsync(client, targets);
        }
    }

    /// <summary>Failures grouped by kind, then one full example of each kind (the lowest index first).</summary>
    private static string Report(IEnumerable<(int Index, string Text)> failures, int sent, int seed)
    {
        var kinds = failures.OrderBy(failure => failure.Index).GroupBy(failure => failure.Text.Split('\n')[0]).ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{kinds.Sum(kind => kind.Count())} of {sent} requests broke the contract (seed {seed}), in {kinds.Count} kinds:\n");
        foreach (var kind in kinds)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {kind.Count()} × {kind.Key} (requests #{string.Join(", #", kind.Take(20).Select(failure => failure.Index))}{(kind.Count() > 20 ? ", …" : "")})\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\nThe first request of each kind (at most {MaxFailuresShown}):\n\n");
        foreach (var kind in kinds.Take(MaxFailuresShown))
        {
            text.Append(kind.First().Text).Append('\n');
        }

        return text.ToString();
    }

    private static int ReadSeed()
    {
        var text = Environment.GetEnvironmentVariable(SeedVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultSeed;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new ArgumentException($"{SeedVariable} must be an integer, not '{text}'.");
    }

    /// <summary>Request indexes until <see cref="Target"/> requests have been sent (bounded, whatever happens).</summary>
    private static IEnumerable<int> Indexes(Func<int> sent)
    {
        for (var index = 0; index < 2 * Target && sent() < Target; index++)
        {
            yield return index;
        }
    }

    /// <summary>Three authors, 24 posts (some with the word "needle"), and the page links the service hands out.</summary>
    private static async Task<FuzzTargets> SetUpTargetsAsync(BlogClient client)
    {
        var users = new List<FuzzUser>();
        for (var i = 0; i < 3; i++)
        {
            var name = await client.RegisterAsync();
            users.Add(new FuzzUser(name, BlogClient.Password, await client.CreateTokenSecretAsync(name, "read", "write"), await client.CreateTokenSecretAsync(name, "read")));
        }

        var revoked = await client.CreateTokenAsync(users[0].Name, "write");
        using (var revoke = await client.SendAsync(HttpMethod.Delete, BlogClient.Href(revoked, "self"), users[0].Name))
        {
            Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        var ids = new List<string>();
        var etags = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            using var response = await client.CreatePostResponseAsync(users[i % users.Count].Name, $"Fuzz target {i}{(i % 4 == 0 ? " with a needle" : "")}", $"Body of post {i}: héllo 🙂");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
            ids.Add((await BlogClient.ReadJsonAsync(response))["id"]!.GetValue<string>());
            etags.Add(response.Headers.ETag!.ToString());
        }

        var posts = await client.RootLinkAsync("posts");
        var links = new List<string>();
        string[] starts = [$"{posts}?size=1", $"{posts}?size=3", $"{posts}?size=2&author={users[0].Name}", $"{posts}?size=2&q=needle", $"{await client.RootLinkAsync("users")}?size=1"];
        foreach (var start in starts)
        {
            var url = start;
            for (var page = 0; page < 3 && url is not null; page++)
            {
                var document = await client.GetJsonAsync(url);
                var pageLinks = new[] { "self", "next", "prev" }.Select(rel => document["_links"]?[rel]?["href"]?.GetValue<string>()).ToList();
                links.AddRange(pageLinks.OfType<string>().Select(href => new Uri(href).PathAndQuery));
                url = pageLinks[1];
            }
        }

        Assert.That(links.Count(link => link.Contains("cursor=", StringComparison.Ordinal)), Is.GreaterThan(10), "the setup needs real cursors to mutate");
        return new FuzzTargets(users, ids, etags, links, revoked["token"]!.GetValue<string>());
    }

    private sealed record Outcome(int? Status, string? Failure, string? NotSent);

    private static async Task<Outcome> SendAndCheckAsync(HttpClient http, FuzzRequest request, int seed, ConcurrentQueue<ServerError> serverErrors)
    {
        HttpRequestMessage message;
        try
        {
            message = request.ToHttpRequestMessage(http.BaseAddress!);
        }
        catch (FormatException refused)
        {
            return new Outcome(null, null, Reason(refused));
        }
        catch (ArgumentException refused)
        {
            return new Outcome(null, null, Reason(refused));
        }

        using (message)
        {
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(message);
            }
            catch (Exception error) when (IsTestHostRefusal(error))
            {
                return new Outcome(null, null, Reason(error));
            }
            catch (Exception error) when (error is not AssertionException)
            {
                return new Outcome(null, $"FAILURE: no response: {error.GetType().Name}: {error.Message.Split('\n')[0]}\n{request.Describe(seed)}  {error}\n", null);
            }

            using (response)
            {
                byte[] body;
                try
                {
                    body = await response.Content.ReadAsByteArrayAsync();
                }
                catch (Exception error) when (error is not AssertionException)
                {
                    return new Outcome((int)response.StatusCode, $"FAILURE: the response body broke off: {error.GetType().Name}: {error.Message.Split('\n')[0]}\n{request.Describe(seed)}  {error}\n", null);
                }

                var status = (int)response.StatusCode;
                var broken = Check(request, response, body);
                if (broken is null)
                {
                    return new Outcome(status, null, null);
                }

                var logged = Logged(body, serverErrors);
                var kind = logged.Count == 0 ? broken : $"{broken}: {string.Join(", ", logged.Select(error => error.ExceptionType).Distinct())}";
                return new Outcome(status, $"{kind}\n{request.Describe(seed)}{ResponseText(response, body)}{string.Concat(logged.Select(error => error.Text))}", null);
            }
        }
    }

    /// <summary>
    /// The in-process client turns the request into an HttpContext before the service runs, and it refuses some
    /// requests (a NUL in the path) that Kestrel would answer 400: those were never sent. Anything thrown once the
    /// service runs is a failure.
    /// </summary>
    /// <summary>The in-process test server refused to build the request (e.g. a NUL in the path), before the app ran.</summary>
    private static bool IsTestHostRefusal(Exception error) =>
        error.StackTrace is { } trace
        && trace.Contains("Microsoft.AspNetCore.TestHost.", StringComparison.Ordinal)
        && !trace.Contains("at Blog.Api.", StringComparison.Ordinal);

    private static string Reason(Exception refused) => $"{refused.GetType().Name}: {refused.Message.Split('\n')[0]}";

    /// <summary>What is wrong with this answer, or null when it keeps the contract.</summary>
    private static string? Check(FuzzRequest request, HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        var isHead = string.Equals(request.Method, "HEAD", StringComparison.OrdinalIgnoreCase);
        if (status >= 500)
        {
            return $"FAILURE: {status} (no request may get a 5xx)";
        }

        if (status is >= 400 and < 500)
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType != "application/problem+json")
            {
                return $"FAILURE: {status} with Content-Type '{response.Content.Headers.ContentType}', not application/problem+json";
            }

            if (isHead)
            {
                return null;
            }

            try
            {
                using var problem = JsonDocument.Parse(body);
                return problem.RootElement.ValueKind == JsonValueKind.Object
                    && problem.RootElement.TryGetProperty("status", out var member)
                    && member.ValueKind == JsonValueKind.Number
                    && member.TryGetInt32(out var value)
                    && value == status
                        ? null
                        : $"FAILURE: {status} problem without a numeric \"status\": {status}";
            }
            catch (JsonException)
            {
                return $"FAILURE: {status} problem body is not JSON";
            }
        }

        if (status is >= 200 and < 300 && !isHead && body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
            }
            catch (JsonException)
            {
                return $"FAILURE: {status} body is not JSON";
            }
        }

        return null;
    }

    private static string ResponseText(HttpResponseMessage response, byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return $"  answered {(int)response.StatusCode} {response.Content.Headers.ContentType}: {(text.Length > 1_000 ? text[..1_000] + "…" : text)}\n";
    }

    /// <summary>The errors the service logged for the request whose problem body names this traceId.</summary>
    private static List<ServerError> Logged(byte[] body, ConcurrentQueue<ServerError> serverErrors)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("traceId", out var id)
                && id.ValueKind == JsonValueKind.String
                && id.GetString() is { } traceId
                    ? serverErrors.Where(error => error.TraceId == traceId).ToList()
                    : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>After the storm: health, a read and a write all work as usual.</summary>
    private static async Task AssertHealthyAfterwardsAsync(BlogClient client, FuzzTargets targets)
    {
        using var health = await client.Http.GetAsync("/health");
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK), await health.Content.ReadAsStringAsync());
        Assert.That((await BlogClient.ReadJsonAsync(health))["status"]?.GetValue<string>(), Is.EqualTo("Healthy"));

        var created = await client.CreatePostAsync(targets.Users[0].Name, "After the fuzz", "Still standing.");
        var read = await client.GetJsonAsync(BlogClient.Href(created, "self"));
        Assert.That(read["title"]?.GetValue<string>(), Is.EqualTo("After the fuzz"));
        await client.GetJsonAsync(await client.RootLinkAsync("posts"));
    }

    private sealed record ServerError(string TraceId, string ExceptionType, string Text);

    /// <summary>Keeps the service's errors, each with the trace id a problem's <c>traceId</c> names.</summary>
    private sealed class ErrorCapture(ConcurrentQueue<ServerError> errors) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, errors);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<ServerError> errors) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    var traceId = Activity.Current?.TraceId.ToString() ?? "-";
                    errors.Enqueue(new ServerError(
                        traceId,
                        exception?.GetType().FullName ?? "no exception",
                        $"  server log: [{logLevel} traceId={traceId}] {category}: {formatter(state, exception)}\n    {exception}\n"));
                }
            }
        }
    }
}
