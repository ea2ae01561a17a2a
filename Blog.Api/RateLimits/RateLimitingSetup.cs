using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Blog.Api.RateLimits;

/// <summary>
/// Every request but <c>/health</c> spends from its client's budget (the signed-in user's, or else the client
/// address's): reads from a token bucket, writes from a window. Searches also wait for a place (<see cref="SearchesPolicy"/>),
/// and failed sign-ins have a budget of their own (<see cref="SignInThrottle"/>). With Redis configured, those three
/// budgets are kept in Redis and shared by every instance (<see cref="SharedBudgets"/>); the places for searches stay
/// this instance's own, since what they protect is this instance's processors.
/// </summary>
public static class RateLimitingSetup
{
    public static IServiceCollection AddBlogRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitingOptions.Section).Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        options.Validate();
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new ClientBudgets(options, provider.GetRequiredService<TimeProvider>(), provider.GetService<SharedBudgets>()));
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(limiter =>
        {
            limiter.OnRejected = (context, _) => WriteTooManyRequestsAsync(
                context.HttpContext,
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1),
                IsRead(context.HttpContext.Request.Method)
                    ? "Too many requests in a short time; wait for the time in Retry-After."
                    : "Too many writes in a short time; wait for the time in Retry-After.");
            limiter.AddPolicy(SearchesPolicy.Name, new SearchesPolicy(options));
        });
        if (options.Enabled)
        {
            services.AddOptions<RateLimiterOptions>().Configure<ClientBudgets>((limiter, budgets) =>
                limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => ClientBudget(context, options, budgets)));
        }

        return services;
    }

    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>A 429 problem with <c>Retry-After</c> (RFC 6585).</summary>
    public static ValueTask WriteTooManyRequestsAsync(HttpContext context, TimeSpan retryAfter, string detail) =>
        WriteRefusalAsync(context, StatusCodes.Status429TooManyRequests, retryAfter, detail);

    /// <summary>A problem with <c>Retry-After</c> in whole seconds, rounded up (RFC 9110 §10.2.3).</summary>
    public static async ValueTask WriteRefusalAsync(HttpContext context, int status, TimeSpan retryAfter, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        });
    }

    /// <summary>
    /// The signed-in user's budget, or else the client address's: the same keys in memory and in Redis, so that with
    /// Redis every instance spends from one budget per client.
    /// </summary>
    private static RateLimitPartition<string> ClientBudget(HttpContext context, RateLimitingOptions options, ClientBudgets budgets)
    {
        var client = context.User.Identity?.Name is { } user ? "user " + user.ToUpperInvariant() : "address " + ClientAddress(context);
        return IsRead(context.Request.Method)
            ? RateLimitPartition.Get("reads by " + client, budgets.Reads)
            : RateLimitPartition.Get("writes by " + client, budget => budgets.Window(budget, options.Writes));
    }

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
}
