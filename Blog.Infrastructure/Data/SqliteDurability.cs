using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Blog.Infrastructure.Data;

/// <summary>
/// Every connection commits with synchronous=FULL: in WAL mode each commit is fsynced before the client hears
/// "201", so an acknowledged write survives a killed process and a lost machine alike.
/// </summary>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous = FULL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
