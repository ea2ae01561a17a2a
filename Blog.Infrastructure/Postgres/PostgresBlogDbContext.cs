using Blog.Domain.Posts;
using Blog.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Blog.Infrastructure.Postgres;

/// <summary>The blog's model on PostgreSQL; its migrations are in <c>Postgres/Migrations</c>.</summary>
public sealed class PostgresBlogDbContext(DbContextOptions<PostgresBlogDbContext> options) : BlogDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Text search (q) is a case-insensitive substring of the title or the body: ILIKE '%…%', which pg_trgm's GIN
        // indexes answer for texts of three characters or more.
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.Entity<Post>(post =>
        {
            post.HasIndex(p => p.Title, "IX_Posts_Title_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
            post.HasIndex(p => p.Body, "IX_Posts_Body_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        });
    }
}
