using Blog.Infrastructure.Postgres;
using Blog.Infrastructure.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Blog.Infrastructure.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add NAME --context SqliteBlogDbContext --output-dir Sqlite/Migrations</c> (and the same
/// with <c>PostgresBlogDbContext</c> and <c>Postgres/Migrations</c>) build each provider's model without starting the
/// API or reaching a server.
/// </summary>
internal sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteBlogDbContext>
{
    public SqliteBlogDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBlogDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresBlogDbContext>
{
    public PostgresBlogDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBlogDbContext>().UseNpgsql("Host=localhost;Database=blog").Options);
}
