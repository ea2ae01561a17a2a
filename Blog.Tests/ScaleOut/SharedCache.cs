using System.Diagnostics;
using System.Net;
using Blog.Tests.Integration;
using Blog.Tests.Reliability;
using Microsoft.Data.Sqlite;

namespace Blog.Tests.ScaleOut;

/// <summary>
/// nginx's proxy_cache in front of the real service, obeying only what the service says (Cache-Control, Vary, ETag):
/// a repeated public read is served from the cache and then revalidated with a 304, a change is visible once the
/// short shared freshness is over, and nothing answered to credentials is ever served to anyone else.
/// </summary>
[Category("ScaleOut")]
public sealed class SharedCache
{
    private const int SharedMaxAgeSeconds = 2;

    /// <summary>nginx counts freshness in whole seconds, so a copy may be served up to a second past s-maxage; then one more for the request.</summary>
    private static readonly TimeSpan StaleBound = TimeSpan.FromSeconds(SharedMaxAgeSeconds + 2);

    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"blog-cache-{Guid.NewGuid():N}.db");
    private HttpClient http = null!;
    private BlogServerProcess service = null!;
    private NginxProcess nginx = null!;
    private BlogClient client = null!;

    [OneTimeSetUp]
    public async Task StartTheServiceBehindACache()
    {
        http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        service = await BlogServerProcess.StartAsync(BlogServerProcess.LocateApiDll(), databasePath, http, TimeSpan.FromSeconds(60), settings: new Dictionary<string, string>
        {
            ["ForwardedHeaders__Enabled"] = "true",
            ["HttpCaching__SharedMaxAgeSeconds"] = SharedMaxAgeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        nginx = await NginxProcess.StartAsync([service.BaseAddress], new NginxOptions { Cache = true });
        client = new BlogClient(new HttpClient { BaseAddress = nginx.BaseAddress, Timeout = TimeSpan.FromSeconds(15) });
    }

    [OneTimeTearDown]
    public void StopThem()
    {
        client?.Http.Dispose();
        nginx?.Dispose();
        service?.Dispose();
        http?.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }

    [TearDown]
    public void ShowTheLogsOfAFailure()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            TestContext.Out.WriteLine(nginx.Diagnostics());
            TestContext.Out.WriteLine(service.OutputTail());
        }
    }

    [Test]
    public async Task ARepeatedPublicReadIsServedFromTheCacheThenRevalidatedWithA304()
    {
        var author = await client.RegisterAsync();
        using var created = await client.CreatePostResponseAsync(author);
        var self = created.Headers.Location!;
        Assert.That(self.GetLeftPart(UriPartial.Authority), Is.EqualTo(nginx.BaseAddress.GetLeftPart(UriPartial.Authority)), "links carry nginx's address");

        var (first, _) = await GetAsync(self);
        var (second, body) = await GetAsync(self);
        var service304sBefore = CountServiceLines($"HTTP GET {self.AbsolutePath} responded 304");
        var (revalidated, elapsed) = await GetUntilAsync(self, response => CacheStatus(response) != "HIT");
        var (afterwards, _) = await GetAsync(self);

        TestContext.Out.WriteLine($"cache: MISS, HIT, then {CacheStatus(revalidated)} after {elapsed.TotalSeconds:F1} s (s-maxage={SharedMaxAgeSeconds}), then {CacheStatus(afterwards)}");
        Assert.Multiple(() =>
        {
            Assert.That(CacheStatus(first), Is.EqualTo("MISS"));
            Assert.That(CacheStatus(second), Is.EqualTo("HIT"), "the second read is the cache's");
            Assert.That(body, Does.Contain(author));
            Assert.That(second.Headers.ETag, Is.EqualTo(first.Headers.ETag));
            Assert.That(CacheStatus(revalidated), Is.EqualTo("REVALIDATED"), "once stale, the copy is revalidated with its ETag");
            Assert.That(revalidated.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the client gets the whole body from the cache");
            Assert.That(elapsed, Is.LessThanOrEqualTo(StaleBound));
            Assert.That(CountServiceLines($"HTTP GET {self.AbsolutePath} responded 304"), Is.EqualTo(service304sBefore + 1), "the service answered the revalidation with a 304");
            Assert.That(CacheStatus(afterwards), Is.EqualTo("HIT"), "a revalidated copy is fresh again");
        });
    }

    [Test]
    public async Task APageOfPostsIsServedFromTheCache()
    {
        var author = await client.RegisterAsync();
        await client.CreatePostAsync(author);
        var page = new Uri(nginx.BaseAddress, $"/posts?author={author}");

        var (first, _) = await GetAsync(page);
        var (second, body) = await GetAsync(page);

        Assert.Multiple(() =>
        {
            Assert.That(CacheStatus(first), Is.EqualTo("MISS"));
            Assert.That(CacheStatus(second), Is.EqualTo("HIT"));
            Assert.That(body, Does.Contain(author));
        });
    }

    [TestCase("PATCH")]
    [TestCase("PUT")]
    public async Task AChangeByTheAuthorIsVisibleAfterRevalidation(string method)
    {
        var author = await client.RegisterAsync();
        using var created = await client.CreatePostResponseAsync(author, "Before");
        var self = created.Headers.Location!;
        await GetAsync(self);
        var (stored, _) = await GetAsync(self);
        Assert.That(CacheStatus(stored), Is.EqualTo("HIT"), "the old version is in the cache");

        using var changed = await client.SendAsync(new HttpMethod(method), self.ToString(), author, method == "PATCH"
            ? BlogClient.Json("""{"title":"After"}""", "application/merge-patch+json")
            : BlogClient.Json("""{"title":"After","body":"World"}"""), r => r.Headers.IfMatch.Add(created.Headers.ETag!));
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await changed.Content.ReadAsStringAsync());
        using var authorsView = await client.SendAsync(HttpMethod.Get, self.ToString(), author);
        var (fresh, elapsed) = await GetUntilAsync(self, response => CacheStatus(response) != "HIT");
        var freshBody = await fresh.Content.ReadAsStringAsync();

        TestContext.Out.WriteLine($"cache: {method} seen by anonymous readers after {elapsed.TotalSeconds:F1} s ({CacheStatus(fresh)}); the author's own read: {CacheStatus(authorsView)}");
        Assert.Multiple(async () =>
        {
            Assert.That(await authorsView.Content.ReadAsStringAsync(), Does.Contain("After"), "the author, signed in, sees the change at once");
            Assert.That(CacheStatus(authorsView), Is.EqualTo("MISS"));
            Assert.That(CacheStatus(fresh), Is.EqualTo("EXPIRED"), "the stale copy was revalidated and the service sent the new version");
            Assert.That(freshBody, Does.Contain("After"));
            Assert.That(fresh.Headers.ETag, Is.EqualTo(changed.Headers.ETag));
            Assert.That(elapsed, Is.LessThanOrEqualTo(StaleBound), "anonymous readers lag a change by at most s-maxage");
        });
    }

    [Test]
    public async Task MeIsNeverServedToAnyoneButItsOwnCredentials()
    {
        var a = await client.RegisterAsync();
        var b = await client.RegisterAsync();
        var me = new Uri(nginx.BaseAddress, "/me");

        using var aFirst = await client.SendAsync(HttpMethod.Get, me.ToString(), a);
        using var aAgain = await client.SendAsync(HttpMethod.Get, me.ToString(), a);
        using var anonymous = await client.Http.GetAsync(me);
        using var bsOwn = await client.SendAsync(HttpMethod.Get, me.ToString(), b);

        Assert.Multiple(async () =>
        {
            Assert.That(await aFirst.Content.ReadAsStringAsync(), Does.Contain(a));
            Assert.That(aFirst.Headers.CacheControl?.Private, Is.True);
            Assert.That(CacheStatus(aFirst), Is.EqualTo("MISS"));
            Assert.That(CacheStatus(aAgain), Is.EqualTo("MISS"), "a private answer is not stored, not even for its owner");
            Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "anonymous gets its own 401, not A's /me");
            Assert.That(CacheStatus(anonymous), Is.EqualTo("MISS"));
            Assert.That(await bsOwn.Content.ReadAsStringAsync(), Does.Contain(b).And.Not.Contain(a), "B gets B's /me");
            Assert.That(CacheStatus(bsOwn), Is.EqualTo("MISS"));
        });
    }

    [Test]
    public async Task APostReadWithCredentialsIsNeverServedToAnyoneElse()
    {
        var a = await client.RegisterAsync();
        var b = await client.RegisterAsync();
        using var created = await client.CreatePostResponseAsync(a);
        var self = created.Headers.Location!.ToString();

        using var asA = await client.SendAsync(HttpMethod.Get, self, a);
        using var anonymousFirst = await client.Http.GetAsync(self);
        using var anonymousAgain = await client.Http.GetAsync(self);
        using var asB = await client.SendAsync(HttpMethod.Get, self, b);
        using var wrongPassword = await client.SendAsync(HttpMethod.Get, self, configure: r => r.Headers.Authorization = BlogClient.Basic(a, "wrong password"));

        Assert.Multiple(() =>
        {
            Assert.That(asA.Headers.CacheControl?.Private, Is.True);
            Assert.That(CacheStatus(asA), Is.EqualTo("MISS"));
            Assert.That(CacheStatus(anonymousFirst), Is.EqualTo("MISS"), "A's answer was not stored");
            Assert.That(CacheStatus(anonymousAgain), Is.EqualTo("HIT"), "the anonymous answer is shared by the anonymous");
            Assert.That(asB.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(CacheStatus(asB), Is.EqualTo("MISS"), "B is answered by the service, not from the anonymous copy (Vary: Authorization)");
            Assert.That(asB.Headers.CacheControl?.Private, Is.True);
            Assert.That(wrongPassword.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "wrong credentials still get their 401, not the cached 200");
            Assert.That(CacheStatus(wrongPassword), Is.EqualTo("MISS"));
        });
    }

    private static string? CacheStatus(HttpResponseMessage response) =>
        response.Headers.TryGetValues(NginxProcess.CacheStatusHeader, out var values) ? values.Single() : null;

    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(Uri url)
    {
        var response = await client.Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return (response, body);
    }

    /// <summary>Anonymous GETs every 100 ms until one satisfies <paramref name="done"/>; a little past the bound, the last one.</summary>
    private async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> GetUntilAsync(Uri url, Func<HttpResponseMessage, bool> done)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var (response, _) = await GetAsync(url);
            if (done(response) || elapsed.Elapsed > StaleBound + TimeSpan.FromSeconds(2))
            {
                return (response, elapsed.Elapsed);
            }

            response.Dispose();
            await Task.Delay(100);
        }
    }

    private int CountServiceLines(string text) =>
        service.Output.Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));
}
