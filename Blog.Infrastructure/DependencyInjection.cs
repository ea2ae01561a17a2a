using Blog.Domain.Posts;
using Blog.Domain.Tokens;
using Blog.Domain.Users;
using Blog.Infrastructure.Data;
using Blog.Infrastructure.Posts;
using Blog.Infrastructure.Security;
using Blog.Infrastructure.Tokens;
using Blog.Infrastructure.Users;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Blog.Infrastructure;

public static class DependencyInjection
{
    public const string HealthCheckName = "database";

    public const string DefaultConnectionString = "Data Source=blog.db";

    private const long FullSynchronous = 2;

    /// <param name="services">The application's services.</param>
    /// <param name="connectionString">SQLite connection string; <see cref="DefaultConnectionString"/> when null.</param>
    /// <param name="baseDirectory">Where a relative database file lives: beside the running service.</param>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, string? connectionString, string baseDirectory)
    {
        var sqlite = new SqliteConnectionStringBuilder(connectionString ?? DefaultConnectionString);
        if (sqlite.Mode != SqliteOpenMode.Memory && !sqlite.DataSource.StartsWith(':'))
        {
            sqlite.DataSource = Path.GetFullPath(sqlite.DataSource, baseDirectory);
        }

        var interruptOnCancellation = new InterruptOnCancellation();
        services.AddDbContextPool<BlogDbContext>(options => options
            .UseSqlite(sqlite.ToString())
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .AddInterceptors(interruptOnCancellation)
            .ReplaceService<IExceptionDetector, InterruptIsCancellation>());
        services.AddDatabaseTime();
        services.AddSingleton(new SqliteConnections(sqlite.ToString()));
        services.AddScoped<IPostRepository, PostRepository>();
        services.AddScoped<IUserRepository, UserRepository>();
        services.AddScoped<IAccessTokenRepository, AccessTokenRepository>();
        services.AddSingleton<IPasswordHasher, CachingPasswordHasher>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(HealthCheckName);
        return services;
    }

    /// <summary>
    /// Creates the database file if needed, applies pending migrations, switches it to WAL and checks that commits
    /// are fsynced (<c>synchronous=FULL</c>), so that a write acknowledged with 201 survives a crash or a power cut.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        await db.Database.MigrateAsync(cancellationToken);

        // WAL lets readers go on while one writer commits; the mode is stored in the file, so once is enough.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);

        // FULL is the bundled SQLite's default for every connection, so no connection has to set it (which would
        // cost a statement per query); a build with a weaker default must not run silently.
        var synchronous = await db.Database.SqlQuery<long>($"SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync(cancellationToken);
        if (synchronous != FullSynchronous)
        {
            throw new InvalidOperationException("This SQLite build does not default to synchronous=FULL; acknowledged writes could be lost.");
        }
    }
}
