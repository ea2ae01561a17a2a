using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Blog.Tests.Reliability;

/// <summary>
/// What the service process writes to its log (the console, as configured): it never goes dark, whatever folder it
/// is started from, and a client's mistake is one line (the request's), not an error with a stack.
/// </summary>
[Category("Reliability")]
public sealed class ServiceLog
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly List<string> temporaryPaths = [];

    [TearDown]
    public void DeleteTemporaryFiles()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in temporaryPaths)
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }

        temporaryPaths.Clear();
    }

    [Test]
    public async Task StartedFromAnotherFolderItLogsEveryRequestAndClientErrorsWithoutAStack()
    {
        var elsewhere = TemporaryDirectory();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var server = await BlogServerProcess.StartAsync(BlogServerProcess.LocateApiDll(), Path.Combine(elsewhere, "blog.sqlite"), http, StartTimeout, workingDirectory: elsewhere);
        var user = $"log{Guid.NewGuid():N}"[..20];
        using (var registered = await http.PostAsync(new Uri(server.BaseAddress, "users"), Json($$"""{"username":"{{user}}","password":"a good long password"}""")))
        {
            Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        using var missing = await http.GetAsync(new Uri(server.BaseAddress, "nothing-here"));
        using var wrongPassword = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "me"));
        wrongPassword.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:wrong password")));
        using var refused = await http.SendAsync(wrongPassword);
        var tooLarge = await PostChunkedBodyOverOneMebibyteAsync(http, server, user);
        var tooSlow = await PostABodyThatNeverArrivesAsync(server, user);
        await Task.Delay(TimeSpan.FromSeconds(1)); // the console sink writes asynchronously

        var log = server.Output;
        Assert.Multiple(() =>
        {
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(tooLarge, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(tooSlow, Does.StartWith("HTTP/1.1 408"));
            Assert.That(log, Does.Contain("HTTP GET /nothing-here responded 404"));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(log, Does.Contain("HTTP GET /me responded 401"));
            Assert.That(log, Does.Not.Contain("was not authenticated"), "one line per refused sign-in, the request's own");
            Assert.That(log, Does.Contain("HTTP POST /posts responded 413"));
            Assert.That(log, Does.Contain("HTTP POST /posts responded 408"));
            Assert.That(server.LoggedErrors(), Is.Empty, "a client's error is not the service's");
            Assert.That(log, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public async Task WithNoSinksInItsConfigurationItLogsToTheConsoleAndSaysSo()
    {
        var emptyContentRoot = TemporaryDirectory();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var server = await BlogServerProcess.StartAsync(
            BlogServerProcess.LocateApiDll(), Path.Combine(emptyContentRoot, "blog.sqlite"), http, StartTimeout, arguments: ["--contentRoot", emptyContentRoot]);

        using var missing = await http.GetAsync(new Uri(server.BaseAddress, "nothing-here"));
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.That(server.Output, Does.Contain("The configuration has no Serilog:WriteTo"));
        Assert.That(server.Output, Does.Contain("HTTP GET /nothing-here responded 404"));
    }

    private string TemporaryDirectory()
    {
        var path = Directory.CreateTempSubdirectory("blog-log-").FullName;
        temporaryPaths.Add(path);
        return path;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<HttpStatusCode> PostChunkedBodyOverOneMebibyteAsync(HttpClient http, BlogServerProcess server, string user)
    {
        var body = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"title\":\"" + new string('a', 1_100_000) + "\"}")));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseAddress, "posts")) { Content = body };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = Authorization(user);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Declares a body, sends a few bytes of it and then nothing, until Kestrel's minimum data rate gives up.</summary>
    private static async Task<string> PostABodyThatNeverArrivesAsync(BlogServerProcess server, string user)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = $"POST /posts HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\nAuthorization: {Authorization(user)}\r\n"
            + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"ti";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await reader.ReadLineAsync(timeout.Token) ?? "(connection closed without a response)";
    }

    private static AuthenticationHeaderValue Authorization(string user) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:a good long password")));
}
