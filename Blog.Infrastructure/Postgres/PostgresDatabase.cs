using System.Data.Common;
using Blog.Infrastructure.Data;
using Blog.Infrastructure.Posts;
using Blog.Infrastructure.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Blog.Infrastructure.Postgres;

internal static class PostgresDatabase
{
    /// <remarks>
    /// Nothing here serialises writes: PostgreSQL runs them side by side, and each write that must be atomic is one
    /// statement or one transaction whose version check or unique index decides (see PostRepository).
    /// </remarks>
    public static IServiceCollection AddPostgresDatabase(this IServiceCollection services, string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "Database:Provider is Postgres but ConnectionStrings:Blog is empty; set it to an Npgsql connection string (Host=…;Database=…;Username=…).");
        }

        services.AddDbContextPool<BlogDbContext, PostgresBlogDbContext>(options => options
            .UseNpgsql(WithoutConnectionResets(connectionString))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .LogFailuresWhereHandled()
            .SkipPendingModelChangesCheck());
        services.AddSingleton<IWriteTurns, SideBySideWrites>();
        services.AddScoped<IPostLookup, PostLookup>();
        services.AddScoped<IPostPages, PostPages>();
        services.AddScoped<IUserLookup, UserLookup>();
        services.AddScoped<IPostTextSearch, PostgresPostTextSearch>();
        return services;
    }

    /// <summary>
    /// The connection string, with pooled connections not reset on their way back to the pool unless it says otherwise:
    /// the service sets no session state, and the reset (DISCARD ALL before the next command) cost PostgreSQL half of
    /// a GET's server CPU (500 µs, 245 without it, at 1,000 posts).
    /// </summary>
    /// <remarks>
    /// Npgsql's automatic preparation (Max Auto Prepare) saved another 100 µs a GET, and is left off: after five runs
    /// PostgreSQL may plan a prepared statement once for any parameters, and that plan of a keyset page
    /// (<c>date &lt; @d OR (date = @d AND id &lt; @i)</c>) walked the posts from the newest at a million posts: page 50
    /// took 113 ms alone instead of 11 (bench run 20261126T072957Z).
    /// </remarks>
    internal static string WithoutConnectionResets(string connectionString)
    {
        // Npgsql's builder knows every keyword, set or not; a plain builder holds only the ones given.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(keyword => keyword.Replace(" ", string.Empty, StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains(nameof(settings.NoResetOnClose)))
        {
            settings.NoResetOnClose = true;
        }

        return settings.ConnectionString;
    }
}
