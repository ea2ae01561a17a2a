using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Blog.Infrastructure.Data;

internal static class FailureLogging
{
    /// <summary>
    /// EF Core logs a failed command, save or query as an error before throwing it. Some are expected and handled (a
    /// username or an idempotency key taken first: 409, a replay), and every one that is not becomes the request's
    /// 500, logged once with its exception where it is handled; so EF Core's own lines are kept at Debug.
    /// </summary>
    public static DbContextOptionsBuilder LogFailuresWhereHandled(this DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug)));
}
