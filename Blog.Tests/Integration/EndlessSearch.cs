using System.Collections.Concurrent;
using System.Data.Common;
using Blog.Infrastructure.Data;
using Blog.Infrastructure.Postgres;
using Blog.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;

namespace Blog.Tests.Integration;

/// <summary>
/// A test double at the bottom of the search path: a command that searches for <see cref="Text"/> becomes a statement
/// that never ends by itself (on SQLite it counts forever, so only <c>sqlite3_interrupt</c> can stop it; on PostgreSQL
/// it sleeps for an hour, so only a cancel request can). Everything above the command (controller, service,
/// repository, EF Core, the service's interceptors) is the real thing, and searches for anything else are untouched.
/// </summary>
public sealed class EndlessSearch(DatabaseProvider provider = DatabaseProvider.Sqlite) : DbCommandInterceptor, IDisposable
{
    /// <summary>The search text whose search never ends.</summary>
    public const string Text = "never ends";

    /// <summary>How the endless statement begins, to find it among a PostgreSQL server's sessions.</summary>
    public const string PostgresStatement = "SELECT pg_sleep(3600)";

    private const string SqliteStatement = "WITH RECURSIVE forever(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM forever) SELECT count(*) AS Value FROM forever";

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
        var searches = provider == DatabaseProvider.Sqlite ? "PostsSearch MATCH" : "ILIKE";
        if (command.CommandText.Contains(searches, StringComparison.Ordinal)
            && command.Parameters.Cast<DbParameter>().Any(parameter => parameter.Value is string value && value.Contains(Text, StringComparison.Ordinal)))
        {
            command.CommandText = provider == DatabaseProvider.Sqlite ? SqliteStatement : PostgresStatement;
            command.Parameters.Clear();
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

    /// <summary>Puts this double under the service's database context, whichever the provider.</summary>
    public void AddTo(IServiceCollection services)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            services.ConfigureDbContext<SqliteBlogDbContext>(options => options.AddInterceptors(this));
        }
        else
        {
            services.ConfigureDbContext<PostgresBlogDbContext>(options => options.AddInterceptors(this));
        }
    }

    /// <summary>Stops whatever still runs, so that a failed test leaves no statement burning a core or a session.</summary>
    public void Dispose()
    {
        foreach (var (command, connection) in running)
        {
            if (connection is SqliteConnection { Handle: { } handle })
            {
                raw.sqlite3_interrupt(handle);
            }
            else
            {
                command.Cancel();
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
