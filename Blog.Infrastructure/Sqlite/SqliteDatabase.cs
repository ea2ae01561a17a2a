using Blog.Infrastructure.Data;
using Blog.Infrastructure.Posts;
using Blog.Infrastructure.Users;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Infrastructure.Sqlite;

internal static class SqliteDatabase
{
    public const string DefaultConnectionString = "Data Source=blog.db";

    private const long FullSynchronous = 2;

    /// <param name="services">The application's services.</param>
    /// <param name="connectionString">SQLite connection string; <see cref="DefaultConnectionString"/> when null.</param>
    /// <param name="baseDirectory">Where a relative database file lives: beside the running service.</param>
    public static IServiceCollection AddSqliteDatabase(this IServiceCollection services, string? connectionString, string baseDirectory)
    {
        var sqlite = new SqliteConnectionStringBuilder(connectionString ?? DefaultConnectionString);
        if (sqlite.Mode != SqliteOpenMode.Memory && !sqlite.DataSource.StartsWith(':'))
        {
            sqlite.DataSource = Path.GetFullPath(sqlite.DataSource, baseDirectory);
        }

        var interruptOnCancellation = new InterruptOnCancellation();
        services.AddDbContextPool<BlogDbContext, SqliteBlogDbContext>(options => options
            .UseSqlite(sqlite.ToString())
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .LogFailuresWhereHandled()
            .SkipPendingModelChangesCheck()
            .AddInterceptors(interruptOnCancellation)
            .ReplaceService<IExceptionDetector, InterruptIsCancellation>());
        services.AddSingleton(new PreparedPostReads(sqlite.ToString()));
        services.AddSingleton(SqliteWriter.For(sqlite.ToString()));
        services.AddScoped<IWriteTurns, SqliteWriteTurns>();
        services.AddScoped<IPostLookup, SqlitePostLookup>();
        services.AddScoped<PostPages>();
        services.AddScoped<IPostPages, SqlitePostPages>();
        services.AddScoped<IUserLookup, SqliteUserLookup>();
        services.AddScoped<IPostTextSearch, SqlitePostTextSearch>();
        return services;
    }

    /// <summary>
    /// Switches the file to WAL and checks that commits are fsynced (<c>synchronous=FULL</c>), so that a write
    /// acknowledged with 201 survives a crash or a power cut.
    /// </summary>
    public static async Task PrepareAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        // WAL lets readers go on while one writer commits; the mode is stored in the file, so once is enough.
        await database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);

        // FULL is the bundled SQLite's default for every connection, so no connection has to set it (which would
        // cost a statement per query); a build with a weaker default must not run silently.
        // A plain command: through LINQ, EF Core compiled a query for this one read (a twentieth of the start-up).
        var connection = database.GetDbConnection();
        await database.OpenConnectionAsync(cancellationToken);
        long synchronous;
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous;";
            synchronous = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        finally
        {
            await database.CloseConnectionAsync();
        }

        if (synchronous != FullSynchronous)
        {
            throw new InvalidOperationException("This SQLite build does not default to synchronous=FULL; acknowledged writes could be lost.");
        }
    }
}
