using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Blog.Infrastructure.Data;

internal static class SqliteErrors
{
    private const int ConstraintUnique = 2067;
    private const int ConstraintPrimaryKey = 1555;

    /// <summary>True when the save broke a UNIQUE or PRIMARY KEY constraint: someone else took that key first.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteExtendedErrorCode: ConstraintUnique or ConstraintPrimaryKey };
}
