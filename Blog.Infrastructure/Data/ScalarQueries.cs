using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Blog.Infrastructure.Data;

internal static class ScalarQueries
{
    /// <summary>Runs SQL that answers one integer (a PRAGMA, a count) on the context's own connection.</summary>
    public static async Task<long> ScalarAsync(
        this DatabaseFacade database, string sql, CancellationToken cancellationToken, params SqliteParameter[] parameters)
    {
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddRange(parameters);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
