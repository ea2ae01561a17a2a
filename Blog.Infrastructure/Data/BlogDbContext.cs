using Blog.Domain.Comments;
using Blog.Domain.Posts;
using Blog.Domain.Tokens;
using Blog.Domain.Users;
using Blog.Infrastructure.Data.Tags;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Blog.Infrastructure.Data;

/// <summary>
/// The blog's model, the same on every database. Each provider has its own subclass
/// (<see cref="Sqlite.SqliteBlogDbContext"/>, <see cref="Postgres.PostgresBlogDbContext"/>) because each has its own
/// migrations, which EF Core finds by the context type they are written for.
/// </summary>
public abstract class BlogDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Post> Posts => Set<Post>();

    public DbSet<User> Users => Set<User>();

    internal DbSet<PostTag> PostTags => Set<PostTag>();

    internal DbSet<TagCount> Tags => Set<TagCount>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<PostRevision> PostRevisions => Set<PostRevision>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();

    /// <summary>The keys that seal cursors, shared by every instance of the service (data protection's key ring).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BlogDbContext).Assembly, type => type.Namespace == typeof(BlogDbContext).Namespace + ".Configurations");

    // Unix milliseconds on every provider: instants compare, sort and round-trip identically (keyset cursors and
    // ETags carry them), and an integer column indexes cheaply.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcMillisecondsConverter>();
}
