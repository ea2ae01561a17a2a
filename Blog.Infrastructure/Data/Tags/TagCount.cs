namespace Blog.Infrastructure.Data.Tags;

/// <summary>
/// A tag and how many published posts carry it, scheduled ones included (a scheduled post is counted from its write,
/// and the posts still waiting for their instant are subtracted when the count is read). Kept by the repository in the
/// transaction of every write that changes a post's tags or publishing.
/// </summary>
internal sealed class TagCount
{
    public required string Name { get; init; }

    public int PostCount { get; set; }
}
