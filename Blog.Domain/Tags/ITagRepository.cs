using Blog.Domain.Paging;

namespace Blog.Domain.Tags;

/// <summary>
/// Tags and how many public posts carry each at an instant: the stored counts include scheduled posts, and the posts
/// still waiting for their instant are subtracted when a count is read.
/// </summary>
public interface ITagRepository
{
    /// <summary>The tag's count of posts public at <paramref name="now"/> (0 or less: none), or null when no post has ever carried it.</summary>
    Task<TagSummary?> FindAsync(string name, DateTime now, CancellationToken cancellationToken);

    /// <summary>
    /// Reads up to <paramref name="take"/> tags that posts public at <paramref name="now"/> carry, from the cursor: most
    /// used first, then by name in ordinal order (the reverse when reading backward).
    /// </summary>
    Task<KeysetSlice<TagSummary>> GetSliceAsync(RankCursor? cursor, int take, DateTime now, CancellationToken cancellationToken);

    /// <summary>How many tags posts public at <paramref name="now"/> carry.</summary>
    Task<int> CountAsync(DateTime now, CancellationToken cancellationToken);
}
