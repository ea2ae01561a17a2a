using Blog.Domain.Posts;
using Blog.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Blog.Infrastructure.Posts;

/// <summary>A post by id through EF Core, where a plain connection would gain nothing (PostgreSQL).</summary>
internal sealed class PostLookup(BlogDbContext db) : IPostLookup
{
    public Task<Post?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Posts.FirstOrDefaultAsync(post => post.Id == id, cancellationToken);
}
