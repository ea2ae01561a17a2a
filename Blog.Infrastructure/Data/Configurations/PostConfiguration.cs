using Blog.Domain.Posts;
using Blog.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Blog.Infrastructure.Data.Configurations;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.HasKey(post => post.Id);
        builder.Property(post => post.Title).IsRequired().HasMaxLength(Post.TitleMaxLength);
        builder.Property(post => post.Body).IsRequired().HasMaxLength(Post.BodyMaxLength);
        builder.Property(post => post.AuthorName).IsRequired().HasMaxLength(User.UsernameMaxLength);
        // Version is checked by the repository's own UPDATE and DELETE statements (WHERE Id = … AND Version = …),
        // not by a concurrency token: no write of a post goes through SaveChanges' change tracking.
        builder.HasOne<User>().WithMany().HasForeignKey(post => post.AuthorId).OnDelete(DeleteBehavior.Restrict);

        // Keyset pages read these indexes backwards (newest first), for all posts and for one author.
        builder.HasIndex(post => new { post.PostedDate, post.Id });
        builder.HasIndex(post => new { post.AuthorId, post.PostedDate, post.Id });
    }
}
