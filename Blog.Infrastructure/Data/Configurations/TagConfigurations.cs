using Blog.Domain.Comments;
using Blog.Domain.Posts;
using Blog.Domain.Tags;
using Blog.Domain.Users;
using Blog.Infrastructure.Data.Tags;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Blog.Infrastructure.Data.Configurations;

internal sealed class PostTagConfiguration : IEntityTypeConfiguration<PostTag>
{
    public void Configure(EntityTypeBuilder<PostTag> builder)
    {
        builder.ToTable("PostTags");
        builder.HasKey(tag => new { tag.PostId, tag.Name });
        builder.Property(tag => tag.Name).HasMaxLength(TagName.MaxLength);
        builder.HasOne<Post>().WithMany().HasForeignKey(tag => tag.PostId).OnDelete(DeleteBehavior.Cascade);

        // ?tag= finds its posts here.
        builder.HasIndex(tag => new { tag.Name, tag.PostId });
    }
}

internal sealed class TagCountConfiguration : IEntityTypeConfiguration<TagCount>
{
    public void Configure(EntityTypeBuilder<TagCount> builder)
    {
        builder.ToTable("Tags");
        builder.HasKey(tag => tag.Name);
        builder.Property(tag => tag.Name).HasMaxLength(TagName.MaxLength);

        // Most used first, then by name.
        builder.HasIndex(tag => new { tag.PostCount, tag.Name });
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.HasKey(comment => comment.Id);
        builder.Property(comment => comment.Body).IsRequired().HasMaxLength(Comment.BodyMaxLength);
        builder.Property(comment => comment.AuthorName).IsRequired().HasMaxLength(User.UsernameMaxLength);
        builder.HasOne<Post>().WithMany().HasForeignKey(comment => comment.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(comment => comment.AuthorId).OnDelete(DeleteBehavior.Restrict);

        // A post's comments, oldest first.
        builder.HasIndex(comment => new { comment.PostId, comment.PostedDate, comment.Id });
    }
}

internal sealed class PostRevisionConfiguration : IEntityTypeConfiguration<PostRevision>
{
    public void Configure(EntityTypeBuilder<PostRevision> builder)
    {
        builder.ToTable("PostRevisions");
        builder.HasKey(revision => revision.Id);
        builder.HasIndex(revision => new { revision.PostId, revision.Version }).IsUnique();

        // A post's revisions, newest first.
        builder.HasIndex(revision => new { revision.PostId, revision.SavedDate, revision.Id });
        builder.Property(revision => revision.Title).IsRequired().HasMaxLength(Post.TitleMaxLength);
        builder.Property(revision => revision.Body).IsRequired().HasMaxLength(Post.BodyMaxLength);
        builder.Property(revision => revision.Tags).IsRequired().HasConversion(TagListConverter.Instance, TagListConverter.Comparer);
        builder.HasOne<Post>().WithMany().HasForeignKey(revision => revision.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
