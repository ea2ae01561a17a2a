using Blog.Domain.Users;
using Blog.Infrastructure.Data;
using Blog.Infrastructure.Users;
using Microsoft.Data.Sqlite;

namespace Blog.Infrastructure.Sqlite;

/// <summary>
/// A user by name, read by hand with a statement prepared once per open connection (<see cref="PreparedPostReads"/>),
/// as <see cref="SqlitePostLookup"/> reads a post: through EF Core, the read cost a connection open of its own.
/// </summary>
internal sealed class SqliteUserLookup(PreparedPostReads reads, DatabaseMetrics metrics) : IUserLookup
{
    private const string ByNormalizedName =
        "SELECT Id, Username, DisplayName, PasswordHash, JoinedDate, PostCount FROM Users WHERE NormalizedUsername = $name";

    private static readonly object Statement = new();

    public Task<User?> FindByNormalizedNameAsync(string normalizedUsername, CancellationToken cancellationToken) =>
        reads.ReadOnceAsync(metrics, async reader =>
        {
            var command = reader.Prepared(Statement, static _ => ByNormalizedName, [("$name", SqliteType.Text)]);
            command.Parameters[0].Value = normalizedUsername;
            await using var row = await command.ExecuteReaderAsync(cancellationToken);
            return await row.ReadAsync(cancellationToken)
                ? User.Restore(
                    row.GetGuid(0), row.GetString(1), row.IsDBNull(2) ? null : row.GetString(2), row.GetString(3),
                    UtcMillisecondsConverter.FromStored(row.GetInt64(4)), row.GetInt32(5))
                : null;
        });
}
