using System.Diagnostics;

namespace Blog.Api.Logging;

/// <summary>
/// One structured line per request: method, path, status, elapsed milliseconds (and TraceId, from the enricher).
/// This is what Serilog.AspNetCore's request logging gives, which does not restore here; the framework's HTTP
/// logging writes several lines per request. Headers, query strings and bodies are never logged, so neither
/// credentials nor passwords can reach the log.
/// </summary>
public sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            LogRequest(logger, context.Request.Method, context.Request.Path, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, double elapsedMs);
}
