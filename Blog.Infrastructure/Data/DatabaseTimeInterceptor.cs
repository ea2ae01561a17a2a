using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Blog.Infrastructure.Data;

/// <summary>
/// Times every command EF Core runs, on any provider. A scalar or a non-query is timed by EF Core itself; a reader is
/// timed from its execution until it is disposed, because SQLite does most of a query's work while its rows are read.
/// </summary>
internal sealed class DatabaseTimeInterceptor(DatabaseMetrics metrics) : DbCommandInterceptor
{
    private readonly ConditionalWeakTable<DbCommand, StrongBox<long>> readersStarted = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Started(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Started(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (Finished(command) is { } started)
        {
            metrics.RecordSince(command.Connection, started);
        }

        return result;
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        metrics.Record(command.Connection, eventData.Duration);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        metrics.Record(command.Connection, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        metrics.Record(command.Connection, eventData.Duration);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        metrics.Record(command.Connection, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        Finished(command);
        metrics.Record(command.Connection, eventData.Duration, eventData.Exception.GetType().FullName);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandFailed(command, eventData);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData)
    {
        Finished(command);
        metrics.Record(command.Connection, eventData.Duration, DatabaseMetrics.Cancelled);
    }

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandCanceled(command, eventData);
        return Task.CompletedTask;
    }

    private void Started(DbCommand command) => readersStarted.AddOrUpdate(command, new StrongBox<long>(Stopwatch.GetTimestamp()));

    private long? Finished(DbCommand command)
    {
        if (!readersStarted.TryGetValue(command, out var started))
        {
            return null;
        }

        readersStarted.Remove(command);
        return started.Value;
    }
}
