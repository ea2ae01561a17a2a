using Blog.Domain.Posts;
using Blog.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Blog.Infrastructure.Data.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");

        // The key is the user's: two users may use the same key, and one user's key can be taken only once.
        builder.HasKey(record => new { record.UserId, record.Key });
        builder.Property(record => record.Key).HasMaxLength(IdempotencyKey.MaxLength);
        builder.Property(record => record.Fingerprint).IsRequired().HasMaxLength(64);

        // The id of what the keyed create made: a post or a comment. The column keeps the name it had when only posts
        // took keys (renaming it would be a migration for nothing); it has no foreign key, so either kind fits.
        builder.Property(record => record.ResourceId).HasColumnName("PostId");
        builder.HasOne<User>().WithMany().HasForeignKey(record => record.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(record => record.CreatedAt);
    }
}
