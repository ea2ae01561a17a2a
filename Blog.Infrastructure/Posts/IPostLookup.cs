using Blog.Domain.Posts;

namespace Blog.Infrastructure.Posts;

/// <summary>One post by id: the hottest read of all (every GET of a post and every write starts with it).</summary>
internal interface IPostLookup
{
    Task<Post?> FindAsync(Guid id, CancellationToken cancellationToken);
}
