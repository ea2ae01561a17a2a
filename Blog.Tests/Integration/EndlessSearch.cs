using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Blog.Tests.Integration;

/// <summary>
/// A test double at the bottom of the search path: a command that asks the FTS5 index for <see cref="Text"/> becomes a
/// statement that never ends by itself (it counts forever), so only <c>sqlite3_interrupt</c> can stop it. Everything
/// above the command (controller, service, repository, EF Core, the service's interceptors) is the real thing, and
/// searches for anything else are untouched.
/// </summary>
public sealed class EndlessSearch : DbCommandInterceptor, IDisposable
{
    /// <summary>The search text whose search never ends.</summary>
    public const string Text = "never ends";

    private const string Forever = "WITH RECURSIVE forever(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM forever) SELECT count(*) AS Value FROM forever";

    private readonly ConcurrentDictionary<DbCommand, DbConnection> running = new();
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first endless statement is handed to SQLite.</summary>
    public Task Started => started.Task;

    /// <summary>Completes when an endless statement has stopped (it can only fail).</summary>
    public Task Ended => ended.Task;

    public int Running => running.Count;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains("PostsSearch MATCH", StringComparison.Ordinal)
            && command.Parameters.Cast<DbParameter>().Any(parameter => parameter.Value is string value && value.Contains(Text, StringComparison.Ordinal)))
        {
            command.CommandText = Forever;
            running[command] = command.Connection!;
            started.TrySetResult();
        }

        return ValueTask.FromResult(result);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Stopped(command);
        return Task.CompletedTask;
    }

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Stopped(command);
        return Task.CompletedTask;
    }

    /// <summary>Interrupts whatever is still counting, so that a failed test leaves no statement burning a core.</summary>
    public void Dispose()
    {
        foreach (var connection in running.Values)
        {
            if (connection is SqliteConnection { Handle: { } handle })
            {
                raw.sqlite3_interrupt(handle);
            }
        }
    }

    private void Stopped(DbCommand command)
    {
        if (running.TryRemove(command, out _))
        {
            ended.TrySetResult();
        }
    }
}
