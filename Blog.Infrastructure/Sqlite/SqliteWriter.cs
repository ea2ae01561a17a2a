using Microsoft.Data.Sqlite;

namespace Blog.Infrastructure.Sqlite;

/// <summary>
/// The process's one writer at a time on a SQLite file, and the shared fsync that makes their commits durable.
/// </summary>
/// <remarks>
/// SQLite lets one connection write at a time; a second one's <c>BEGIN IMMEDIATE</c> fails with SQLITE_BUSY, and
/// Microsoft.Data.Sqlite then sleeps and retries, so under load creates waited in a sleeping loop (p99 of 820 ms at 16
/// connections, measured with bench/run.sh). Here they queue instead, on an async gate, and hold it only for their
/// statements: each turn's commit is written to the WAL without an fsync (<c>synchronous=NORMAL</c> for the turn), and
/// after the turn ends its writer waits for the next fsync of the WAL, which covers every commit made before it began
/// (<see cref="WalFlush"/>). That is what <c>synchronous=FULL</c> does at every commit, done once for all the commits
/// that queued behind a running fsync. Writes from other processes on the same file still meet SQLite's busy handler.
/// </remarks>
internal sealed class SqliteWriter(string? walPath)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly WalFlush? flush = walPath is null ? null : new WalFlush(walPath);

    /// <param name="connectionString">The service's connection string: a file's WAL is flushed, an in-memory database has none.</param>
    public static SqliteWriter For(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var inMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource.Length == 0 || builder.DataSource.StartsWith(':');
        return new SqliteWriter(inMemory ? null : builder.DataSource + "-wal");
    }

    public Task WaitForTurnAsync(CancellationToken cancellationToken) => gate.WaitAsync(cancellationToken);

    public void EndTurn() => gate.Release();

    /// <summary>Completes once every commit made before the call is on disk.</summary>
    public Task MakeDurableAsync() => flush?.AfterNextAsync() ?? Task.CompletedTask;
}
