using Blog.Api.Health;
using Blog.Api.RateLimits;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Blog.Api.Composition;

/// <summary>
/// Redis, when <c>Redis:Configuration</c> names one (a StackExchange.Redis configuration string, e.g.
/// <c>10.0.0.7:6379,password=…</c>): one connection for the whole process, shared by every rate limit that every
/// instance must share, and a <c>/health</c> check. Without it nothing here is registered and the limits stay in memory.
/// </summary>
public static class RedisSetup
{
    public const string Section = "Redis";

    public static IServiceCollection AddBlogRedis(this IServiceCollection services, IConfiguration configuration)
    {
        var configurationString = configuration[$"{Section}:Configuration"];
        if (string.IsNullOrWhiteSpace(configurationString))
        {
            return services;
        }

        // Parsed here, so that a mistyped string stops the start-up rather than the first request.
        var options = ConfigurationOptions.Parse(configurationString);
        // Redis is not needed to serve (see SharedBudgets): start without it, keep reconnecting in the background,
        // and fail a command at once while disconnected instead of queueing it until it times out. How long a
        // connected Redis may take to answer is asyncTimeout: StackExchange.Redis's 5 s unless the string sets it.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;

        var keyPrefix = configuration[$"{Section}:KeyPrefix"] ?? "blog:";
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddSingleton(provider => new SharedBudgets(
            provider.GetRequiredService<IConnectionMultiplexer>(),
            keyPrefix,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SharedBudgets>>()));
        services.AddHostedService<RedisConnector>();
        // Degraded, not Unhealthy: without Redis the instance still serves, on budgets of its own, and a balancer that
        // took every instance out on a 503 would turn an outage of a store of counts into an outage of the service.
        services.AddHealthChecks().AddCheck<RedisHealthCheck>(RedisHealthCheck.Name, failureStatus: HealthStatus.Degraded, timeout: TimeSpan.FromSeconds(2));
        return services;
    }

    /// <summary>Connects at start-up, so that no request waits for it, and says so when Redis does not answer.</summary>
    private sealed class RedisConnector(IConnectionMultiplexer redis, ILogger<RedisConnector> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (!redis.IsConnected)
            {
                logger.LogWarning(
                    "Redis ({Endpoints}) does not answer; each instance keeps its own rate limits until it does",
                    string.Join(", ", redis.GetEndPoints().Select(endpoint => endpoint.ToString())));
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
