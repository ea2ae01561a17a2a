using Blog.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Blog.Infrastructure.Sqlite;

/// <summary>A request's turns at <see cref="SqliteWriter"/>, on its own DbContext's connection.</summary>
internal sealed class SqliteWriteTurns(BlogDbContext db, SqliteWriter writer) : IWriteTurns
{
    public async ValueTask<IAsyncDisposable> TakeAsync(CancellationToken cancellationToken)
    {
        await writer.WaitForTurnAsync(cancellationToken);
        try
        {
            // Held open for the turn, so that the pragma and the write run on one pooled connection.
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            SetSynchronous(connection, "NORMAL");
            return new Turn(db, connection, writer);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            writer.EndTurn();
            throw;
        }
    }

    private static void SetSynchronous(SqliteConnection connection, string level)
    {
        using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA synchronous = {level}";
        pragma.ExecuteNonQuery();
    }

    private sealed class Turn(BlogDbContext db, SqliteConnection connection, SqliteWriter writer) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // Back to FULL before the connection returns to the pool, where anything else that writes finds it.
                SetSynchronous(connection, "FULL");
                await db.Database.CloseConnectionAsync();
            }
            finally
            {
                writer.EndTurn();
            }

            await writer.MakeDurableAsync();
        }
    }
}
