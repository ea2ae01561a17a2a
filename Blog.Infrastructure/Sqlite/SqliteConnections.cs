using Microsoft.Data.Sqlite;

namespace Blog.Infrastructure.Sqlite;

/// <summary>
/// Plain pooled connections to the blog's database, for the hottest reads. EF Core registers its SQL functions on
/// every open of its own connection, which costs more than the query itself when the query is one row by key.
/// </summary>
internal sealed class SqliteConnections(string connectionString)
{
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
