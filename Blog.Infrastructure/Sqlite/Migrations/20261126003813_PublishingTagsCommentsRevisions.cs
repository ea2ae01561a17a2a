using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Blog.Infrastructure.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PublishingTagsCommentsRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Posts_AuthorId_PostedDate_Id",
                table: "Posts");

            migrationBuilder.DropIndex(
                name: "IX_Posts_PostedDate_Id",
                table: "Posts");

            migrationBuilder.AddColumn<int>(
                name: "CommentCount",
                table: "Posts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "ListedDate",
                table: "Posts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "PublishedDate",
                table: "Posts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "Posts",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Every post written before publishing existed was published when it was posted.
            migrationBuilder.Sql("""
                UPDATE Posts SET PublishedDate = PostedDate, ListedDate = PostedDate;
                """);

            migrationBuilder.CreateTable(
                name: "Comments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PostedDate = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedDate = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Comments_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Comments_Users_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PostRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    SavedDate = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostRevisions_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PostTags",
                columns: table => new
                {
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostTags", x => new { x.PostId, x.Name });
                    table.ForeignKey(
                        name: "FK_PostTags_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Tags",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PostCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tags", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_AuthorId_ListedDate_Id",
                table: "Posts",
                columns: new[] { "AuthorId", "ListedDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_AuthorId_PublishedDate_Id",
                table: "Posts",
                columns: new[] { "AuthorId", "PublishedDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_PublishedDate_Id",
                table: "Posts",
                columns: new[] { "PublishedDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_AuthorId",
                table: "Comments",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_PostId_PostedDate_Id",
                table: "Comments",
                columns: new[] { "PostId", "PostedDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PostRevisions_PostId_SavedDate_Id",
                table: "PostRevisions",
                columns: new[] { "PostId", "SavedDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PostRevisions_PostId_Version",
                table: "PostRevisions",
                columns: new[] { "PostId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PostTags_Name_PostId",
                table: "PostTags",
                columns: new[] { "Name", "PostId" });

            migrationBuilder.CreateIndex(
                name: "IX_Tags_PostCount_Name",
                table: "Tags",
                columns: new[] { "PostCount", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Comments");

            migrationBuilder.DropTable(
                name: "PostRevisions");

            migrationBuilder.DropTable(
                name: "PostTags");

            migrationBuilder.DropTable(
                name: "Tags");

            migrationBuilder.DropIndex(
                name: "IX_Posts_AuthorId_ListedDate_Id",
                table: "Posts");

            migrationBuilder.DropIndex(
                name: "IX_Posts_AuthorId_PublishedDate_Id",
                table: "Posts");

            migrationBuilder.DropIndex(
                name: "IX_Posts_PublishedDate_Id",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "CommentCount",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "ListedDate",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "PublishedDate",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "Posts");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_AuthorId_PostedDate_Id",
                table: "Posts",
                columns: new[] { "AuthorId", "PostedDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_PostedDate_Id",
                table: "Posts",
                columns: new[] { "PostedDate", "Id" });
        }
    }
}
