using Blog.Infrastructure.Data;
using Blog.Infrastructure.Posts;
using Blog.Infrastructure.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
            .UseNpgsql(connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .LogFailuresWhereHandled());
        services.AddSingleton<IWriteTurns, SideBySideWrites>();
        services.AddScoped<IPostLookup, PostLookup>();
        services.AddScoped<IPostPages, PostPages>();
        services.AddScoped<IUserLookup, UserLookup>();
        services.AddScoped<IPostTextSearch, PostgresPostTextSearch>();
        return services;
    }
}
