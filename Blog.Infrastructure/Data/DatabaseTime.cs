using Blog.Infrastructure.Postgres;
using Blog.Infrastructure.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Infrastructure.Data;

/// <summary>Every database command's time: <c>db.client.operation.duration</c> (see <see cref="DatabaseMetrics"/>).</summary>
public static class DatabaseTime
{
    /// <summary>The meter that holds it, for the telemetry to listen to.</summary>
    public const string MeterName = "Blog.Database";

    /// <summary>
    /// <see cref="DatabaseMetrics"/>, and <see cref="DatabaseTimeInterceptor"/> on the context of either provider (EF Core
    /// applies these configurations after the provider's own).
    /// </summary>
    internal static IServiceCollection AddDatabaseTime(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<DatabaseMetrics>();
        services.AddSingleton<DatabaseTimeInterceptor>();
        // Each provider registers its own context type, whose options these configurations extend.
        services.ConfigureDbContext<SqliteBlogDbContext>(AddInterceptor, ServiceLifetime.Singleton);
        services.ConfigureDbContext<PostgresBlogDbContext>(AddInterceptor, ServiceLifetime.Singleton);
        return services;
    }

    private static void AddInterceptor(IServiceProvider services, DbContextOptionsBuilder options) =>
        options.AddInterceptors(services.GetRequiredService<DatabaseTimeInterceptor>());
}
