using Blog.Domain.Paging;
using Blog.Domain.Posts;

namespace Blog.Infrastructure.Posts;

/// <summary>The public list of posts, a page at a time: the second hottest read (every <c>GET /posts</c>).</summary>
internal interface IPostPages
{
    /// <summary>Up to <paramref name="take"/> public posts from the cursor, newest published first (oldest first when reading newer).</summary>
    Task<KeysetSlice<Post>> GetSliceAsync(PostCriteria criteria, PageCursor? cursor, int take, CancellationToken cancellationToken);

    /// <summary>How many public posts meet the criteria.</summary>
    Task<int> CountAsync(PostCriteria criteria, CancellationToken cancellationToken);
}
