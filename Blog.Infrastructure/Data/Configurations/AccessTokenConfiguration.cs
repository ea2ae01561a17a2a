using Blog.Domain.Tokens;
using Blog.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Blog.Infrastructure.Data.Configurations;

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    private const int Sha256Length = 32;

    public void Configure(EntityTypeBuilder<AccessToken> builder)
    {
        builder.HasKey(token => token.Id);
        builder.Property(token => token.Name).IsRequired().HasMaxLength(AccessToken.NameMaxLength);
        builder.Property(token => token.OwnerName).IsRequired().HasMaxLength(User.UsernameMaxLength);
        builder.Property(token => token.SecretHash).IsRequired().HasMaxLength(Sha256Length);
        builder.HasOne<User>().WithMany().HasForeignKey(token => token.UserId).OnDelete(DeleteBehavior.Cascade);

        // Every Bearer request finds its token by this index; the owner's list reads the other one backwards.
        builder.HasIndex(token => token.SecretHash).IsUnique();
        builder.HasIndex(token => new { token.UserId, token.CreatedDate, token.Id });
    }
}
