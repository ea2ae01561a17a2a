using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Blog.Infrastructure.Sqlite.Migrations
{
    /// <summary>
    /// Text search served by SQLite FTS5 with the trigram tokenizer: any substring of three or more characters,
    /// without regard to case, found through an index instead of a scan. The index reads the Posts table
    /// (external content) and triggers keep it in step with every insert, update and delete.
    /// </summary>
    public partial class PostsFullTextSearch : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE PostsSearch USING fts5(
                    Title, Body, content='Posts', content_rowid='rowid', tokenize='trigram case_sensitive 0');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER PostsSearch_AfterInsert AFTER INSERT ON Posts BEGIN
                    INSERT INTO PostsSearch(rowid, Title, Body) VALUES (new.rowid, new.Title, new.Body);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER PostsSearch_AfterDelete AFTER DELETE ON Posts BEGIN
                    INSERT INTO PostsSearch(PostsSearch, rowid, Title, Body) VALUES ('delete', old.rowid, old.Title, old.Body);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER PostsSearch_AfterUpdate AFTER UPDATE OF Title, Body ON Posts BEGIN
                    INSERT INTO PostsSearch(PostsSearch, rowid, Title, Body) VALUES ('delete', old.rowid, old.Title, old.Body);
                    INSERT INTO PostsSearch(rowid, Title, Body) VALUES (new.rowid, new.Title, new.Body);
                END;
                """);
            migrationBuilder.Sql("INSERT INTO PostsSearch(PostsSearch) VALUES ('rebuild');");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER PostsSearch_AfterUpdate;");
            migrationBuilder.Sql("DROP TRIGGER PostsSearch_AfterDelete;");
            migrationBuilder.Sql("DROP TRIGGER PostsSearch_AfterInsert;");
            migrationBuilder.Sql("DROP TABLE PostsSearch;");
        }
    }
}
