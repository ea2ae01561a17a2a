using Blog.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Blog.Infrastructure.Sqlite;

/// <summary>The blog's model on SQLite; its migrations are in <c>Sqlite/Migrations</c>.</summary>
public sealed class SqliteBlogDbContext(DbContextOptions<SqliteBlogDbContext> options) : BlogDbContext(options);
