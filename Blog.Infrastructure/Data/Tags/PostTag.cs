namespace Blog.Infrastructure.Data.Tags;

/// <summary>One tag of one post: the rows that <c>?tag=</c> filters by.</summary>
internal sealed class PostTag
{
    public required Guid PostId { get; init; }

    public required string Name { get; init; }
}
