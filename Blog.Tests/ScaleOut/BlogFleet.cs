using System.Text;
using Blog.Infrastructure.Data;
using Blog.Tests.Reliability;

namespace Blog.Tests.ScaleOut;

/// <summary>
/// Several instances of the real service (<see cref="BlogServerProcess"/>) on one database, behind nginx as a round-robin
/// load balancer (<see cref="NginxProcess"/>), with <c>ForwardedHeaders:Enabled</c> so that links carry nginx's address.
/// Each instance has a home folder of its own, as if on a machine of its own: nothing they share by accident (such as
/// the data-protection key ring ASP.NET Core keeps under $HOME) can make a test pass that several machines would fail.
/// </summary>
public sealed class BlogFleet : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly List<BlogServerProcess> instances = [];
    private readonly DirectoryInfo folder;
    private readonly TestDatabase database;
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(15) };

    private BlogFleet(DirectoryInfo folder, TestDatabase database, FleetOptions options)
    {
        this.folder = folder;
        this.database = database;
        Options = options;
    }

    public FleetOptions Options { get; }

    public NginxProcess Nginx { get; private set; } = null!;

    public IReadOnlyList<BlogServerProcess> Instances => instances;

    /// <summary>The address clients use: nginx's.</summary>
    public Uri BaseAddress => Nginx.BaseAddress;

    public static async Task<BlogFleet> StartAsync(FleetOptions options)
    {
        var database = TestDatabase.Create(options.Database);
        var fleet = new BlogFleet(Directory.CreateTempSubdirectory("blog-fleet-"), database, options);
        try
        {
            var apiDll = BlogServerProcess.LocateApiDll();
            var settings = fleet.SharedSettings();
            // One after another: the first applies the migrations, so that two never race to.
            for (var n = 0; n < options.Instances; n++)
            {
                var home = fleet.folder.CreateSubdirectory($"instance-{n}");
                var own = new Dictionary<string, string>(settings) { ["HOME"] = home.FullName };
                fleet.instances.Add(await BlogServerProcess.StartAsync(apiDll, fleet.SqlitePath, fleet.http, StartTimeout, settings: own));
            }

            fleet.Nginx = await NginxProcess.StartAsync([.. fleet.instances.Select(instance => instance.BaseAddress)]);
            return fleet;
        }
        catch
        {
            fleet.Dispose();
            throw;
        }
    }

    /// <summary>A client of nginx's address.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(15) };

    /// <summary>
    /// The instance (host:port) whose answer this is, as nginx names it: the last one it tried (nginx lists every
    /// instance a request went to, in order); empty when nginx answered alone.
    /// </summary>
    public static string AnsweredBy(HttpResponseMessage response) =>
        response.Headers.TryGetValues(NginxProcess.UpstreamHeader, out var values) ? values.Last().Split(',').Last().Trim() : string.Empty;

    /// <summary>nginx's logs and each instance's last lines, for a failure message.</summary>
    public string Diagnostics()
    {
        var text = new StringBuilder(Nginx?.Diagnostics() ?? "nginx did not start");
        foreach (var instance in instances)
        {
            text.Append($"\n--- instance {instance.BaseAddress} (pid {instance.ProcessId}{(instance.HasExited ? ", exited" : string.Empty)}):\n{instance.OutputTail(30)}");
        }

        return text.ToString();
    }

    public void Dispose()
    {
        Nginx?.Dispose();
        foreach (var instance in instances)
        {
            instance.Dispose();
        }

        http.Dispose();
        database.Dispose();
        folder.Delete(recursive: true);
    }

    private string SqlitePath => database.Provider == DatabaseProvider.Sqlite ? database.SqlitePath : string.Empty;

    private Dictionary<string, string> SharedSettings()
    {
        // Configuration keys as environment variables (ConnectionStrings:Blog is ConnectionStrings__Blog).
        var settings = database.Settings.ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value ?? string.Empty);
        settings["ForwardedHeaders__Enabled"] = "true";
        if (Options.Redis)
        {
            settings["Redis__Configuration"] = TestServers.RedisConfiguration;
            settings["Redis__KeyPrefix"] = $"{folder.Name}:";
        }

        foreach (var (name, value) in Options.Settings)
        {
            settings[name] = value;
        }

        return settings;
    }
}
