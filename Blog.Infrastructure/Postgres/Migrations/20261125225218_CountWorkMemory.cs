using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Blog.Infrastructure.Postgres.Migrations
{
    /// <summary>
    /// work_mem 64 MB for every new session of the blog's database (the server's default is 4 MB), so that counting a
    /// common word's matches keeps its bitmap of rows exact; see <see cref="PostgresPostTextSearch"/>. Only this
    /// database, and only new sessions: DependencyInjection.MigrateDatabaseAsync empties the connection pool after
    /// migrating. Needs the database's owner, as the first migration does.
    /// </summary>
    public partial class CountWorkMemory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$ BEGIN
                    EXECUTE format('ALTER DATABASE %I SET work_mem = %L', current_database(), '64MB');
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$ BEGIN
                    EXECUTE format('ALTER DATABASE %I RESET work_mem', current_database());
                END $$;
                """);
        }
    }
}
