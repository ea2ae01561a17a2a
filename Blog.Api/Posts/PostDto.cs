using System.Text.Json.Serialization;
using Blog.Api.Hal;

namespace Blog.Api.Posts;

/// <summary>A post, as HAL.</summary>
public sealed class PostDto
{
    [JsonPropertyName("_links")]
    public required PostLinks Links { get; init; }

    public required Guid Id { get; init; }

    public required string Title { get; init; }

    public required string Body { get; init; }

    public required string AuthorName { get; init; }

    public required DateTime PostedDate { get; init; }

    public required DateTime UpdatedDate { get; init; }
}

public sealed record PostLinks(Link Self, Link Author, Link Collection);

public sealed record PostsEmbedded(IReadOnlyList<PostDto> Posts);
