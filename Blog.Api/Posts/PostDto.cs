using System.Text.Json.Serialization;
using Blog.Api.Hal;

namespace Blog.Api.Posts;

/// <summary>A post, as HAL.</summary>
public sealed class PostDto
{
    [JsonPropertyName("_links")]
    public required PostLinks Links { get; init; }

    /// <example>0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b</example>
    public required Guid Id { get; init; }

    /// <example>First!</example>
    public required string Title { get; init; }

    /// <example>First post!</example>
    public required string Body { get; init; }

    /// <example>rick</example>
    public required string AuthorName { get; init; }

    /// <example>2026-11-21T10:00:00.123Z</example>
    public required DateTime PostedDate { get; init; }

    /// <example>2026-11-21T10:00:00.123Z</example>
    public required DateTime UpdatedDate { get; init; }
}

public sealed record PostLinks(Link Self, Link Author, Link Collection);

public sealed record PostsEmbedded(IReadOnlyList<PostDto> Posts);
