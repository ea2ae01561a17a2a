using System.Net;
using Blog.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Tests.Integration;

/// <summary>The real service, in process, on a temporary database of its own (or one it shares with another factory).</summary>
public sealed class BlogApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? configureServices;
    private readonly bool ownsDatabase;

    /// <summary>The service on a SQLite file of its own.</summary>
    public BlogApiFactory(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
        : this(DatabaseProvider.Sqlite, settings, configureServices)
    {
    }

    /// <summary>The service on a database of its own on <paramref name="provider"/>.</summary>
    /// <param name="provider">SQLite, or PostgreSQL on the test server.</param>
    /// <param name="settings">Configuration that overrides appsettings.json.</param>
    /// <param name="configureServices">Replaces services after the service registers its own (a clock, a hasher).</param>
    public BlogApiFactory(DatabaseProvider provider, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
        : this(TestDatabase.Create(provider), ownsDatabase: true, settings, configureServices)
    {
    }

    private BlogApiFactory(TestDatabase database, bool ownsDatabase, IDictionary<string, string?>? settings, Action<IServiceCollection>? configureServices)
    {
        Database = database;
        this.ownsDatabase = ownsDatabase;
        this.configureServices = configureServices;
        // Tests share one client address and reuse users, so limits are generous unless a test sets its own.
        this.settings = new Dictionary<string, string?>(database.Settings)
        {
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

    public TestDatabase Database { get; }

    /// <summary>The SQLite file, for tests that only make sense on SQLite.</summary>
    public string DatabasePath => Database.SqlitePath;

    /// <summary>Another instance of the service on this one's database (a restart, or a second instance beside it).</summary>
    public BlogApiFactory OnTheSameDatabase(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null) =>
        new(Database, ownsDatabase: false, settings, configureServices);

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
        if (ownsDatabase)
        {
            Database.Dispose();
        }
    }
}
