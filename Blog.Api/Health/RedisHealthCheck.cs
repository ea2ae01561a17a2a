using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Blog.Api.Health;

/// <summary>
/// Healthy when Redis answers a PING (registered only when <c>Redis:Configuration</c> is set). Degraded when it does
/// not (see RedisSetup): the instance still serves, but its rate limits are its own until Redis is back (see
/// SharedBudgets).
/// </summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public const string Name = "redis";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // PING takes no token; the registration's timeout cancels this one.
            await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // The reason without the stack: a balancer asks every few seconds, and the log would repeat it each time.
            return new HealthCheckResult(context.Registration.FailureStatus, $"Redis does not answer: {exception.Message}");
        }
    }
}
