using Blog.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Blog.Infrastructure.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.HasKey(user => user.Id);
        builder.Property(user => user.Username).IsRequired().HasMaxLength(User.UsernameMaxLength);
        builder.Property(user => user.NormalizedUsername).IsRequired().HasMaxLength(User.UsernameMaxLength);
        builder.Property(user => user.DisplayName).HasMaxLength(User.DisplayNameMaxLength);
        builder.Property(user => user.PasswordHash).IsRequired();
        builder.HasIndex(user => user.NormalizedUsername).IsUnique();
        builder.HasIndex(user => new { user.JoinedDate, user.Id });
    }
}
