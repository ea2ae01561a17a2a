using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Blog.Infrastructure.Data;

/// <summary>Healthy when the database answers a real query against the posts table.</summary>
internal sealed class DatabaseHealthCheck(BlogDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // SQL, not LINQ: the first /health after a start (a load balancer's) then waits for no query to be compiled.
        await db.Database.ExecuteSqlRawAsync("""SELECT 1 FROM "Posts" LIMIT 1""", cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
