using Blog.Api.Hal;
using Blog.Api.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Blog.Api.Health;

/// <summary>For load balancers and people: is the service up, and do its database (and Redis, when configured) answer?</summary>
[ApiController]
[Route("health")]
[AllowAnonymous]
[DisableRateLimiting]
[Produces(MediaTypes.Json)]
public sealed class HealthController(HealthCheckService health) : ControllerBase
{
    /// <summary>Is the service up, and does its database answer?</summary>
    /// <remarks>
    /// 200 Healthy when the database (and Redis, when configured) answers; 200 Degraded when Redis does not (the
    /// instance serves on rate limits of its own); 503 Unhealthy when the database does not. Never rate limited.
    /// </remarks>
    [HttpGetOrHead]
    [ProducesResponseType<HealthDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<HealthDto>(StatusCodes.Status503ServiceUnavailable)]
    public async Task<ActionResult<HealthDto>> Get(CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        // This instance's state at this moment: no cache may answer for it, or for another instance.
        Response.Headers.CacheControl = CachePolicy.NoStore;
        var body = new HealthDto(report.Status.ToString());
        return report.Status == HealthStatus.Unhealthy ? StatusCode(StatusCodes.Status503ServiceUnavailable, body) : body;
    }
}

/// <param name="Status" example="Healthy">Healthy, Degraded or Unhealthy.</param>
public sealed record HealthDto(string Status);
