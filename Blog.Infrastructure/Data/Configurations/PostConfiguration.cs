using Blog.Domain.Posts;
using Blog.Domain.Users;
using Blog.Infrastructure.Data.Tags;
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

        // The post's own copy of its tags, read with the post; PostTags holds the same names for filtering and counts.
        builder.Property(post => post.Tags).IsRequired().HasConversion(TagListConverter.Instance, TagListConverter.Comparer);

        // Version is checked by the repository's own UPDATE and DELETE statements (WHERE Id = … AND Version = …),
        // not by a concurrency token: no write of a post goes through SaveChanges' change tracking.
        builder.HasOne<User>().WithMany().HasForeignKey(post => post.AuthorId).OnDelete(DeleteBehavior.Restrict);

        // Public pages read these indexes backwards (newest published first), for all posts and for one author; a
        // draft's PublishedDate is null, so drafts are outside every public range. The author's own list reads the last.
        builder.HasIndex(post => new { post.PublishedDate, post.Id });
        builder.HasIndex(post => new { post.AuthorId, post.PublishedDate, post.Id });
        builder.HasIndex(post => new { post.AuthorId, post.ListedDate, post.Id });
        builder.Ignore(post => post.Status);
    }
}
