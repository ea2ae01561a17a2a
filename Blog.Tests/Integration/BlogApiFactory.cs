using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Tests.Integration;

/// <summary>The real service, in process, on its own temporary SQLite file.</summary>
public sealed class BlogApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? configureServices;

    /// <param name="settings">Configuration that overrides appsettings.json.</param>
    /// <param name="configureServices">Replaces services after the service registers its own (a clock, a hasher).</param>
    public BlogApiFactory(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        this.configureServices = configureServices;
        DatabasePath = Path.Combine(Path.GetTempPath(), $"blog-test-{Guid.NewGuid():N}.db");
        // Tests share one client address and reuse users, so limits are generous unless a test sets its own.
        this.settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Blog"] = $"Data Source={DatabasePath}",
            ["RateLimiting:Reads:Burst"] = "100000",
            ["RateLimiting:Reads:PermitsPerSecond"] = "100000",
            ["RateLimiting:Writes:PermitLimit"] = "100000",
            ["RateLimiting:FailedSignIns:PermitLimit"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            this.settings[key] = value;
        }
    }

    public string DatabasePath { get; }

    /// <summary>A client whose connections come from <paramref name="address"/> (the test server has no sockets of its own).</summary>
    public BlogClient CreateClientFrom(IPAddress address) =>
        new(new HttpClient(Server.CreateHandler(context => context.Connection.RemoteIpAddress = address)) { BaseAddress = Server.BaseAddress });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }
}
