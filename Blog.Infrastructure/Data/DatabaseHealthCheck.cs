using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Blog.Infrastructure.Data;

/// <summary>Healthy when the database answers a real query against the posts table.</summary>
internal sealed class DatabaseHealthCheck(BlogDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await db.Posts.AnyAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
