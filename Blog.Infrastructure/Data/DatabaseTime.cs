using Microsoft.Extensions.DependencyInjection;

namespace Blog.Infrastructure.Data;

/// <summary>Every database command's time: <c>db.client.operation.duration</c> (see <see cref="DatabaseMetrics"/>).</summary>
public static class DatabaseTime
{
    /// <summary>The meter that holds it, for the telemetry to listen to.</summary>
    public const string MeterName = "Blog.Database";

    /// <summary>
    /// <see cref="DatabaseMetrics"/>, and <see cref="DatabaseTimeInterceptor"/> on <see cref="BlogDbContext"/> whichever
    /// provider it is given (EF Core applies this configuration after the context's own).
    /// </summary>
    internal static IServiceCollection AddDatabaseTime(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<DatabaseMetrics>();
        services.AddSingleton<DatabaseTimeInterceptor>();
        services.ConfigureDbContext<BlogDbContext>(
            (provider, options) => options.AddInterceptors(provider.GetRequiredService<DatabaseTimeInterceptor>()),
            ServiceLifetime.Singleton);
        return services;
    }
}
