using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Blog.Infrastructure.Sqlite;

/// <summary>
/// EF Core logs a failed command as an error unless it takes the failure for a cancellation, and on its own it takes
/// only an <see cref="OperationCanceledException"/> for one. A statement stopped by <see cref="InterruptOnCancellation"/>
/// fails with SQLite's "interrupted" instead; while its token is cancelled, that is a cancellation too.
/// </summary>
internal sealed class InterruptIsCancellation : IExceptionDetector
{
    public bool IsCancellation(Exception exception, CancellationToken cancellationToken = default) =>
        exception is OperationCanceledException
        || (exception is SqliteException { SqliteErrorCode: raw.SQLITE_INTERRUPT } && cancellationToken.IsCancellationRequested);
}
