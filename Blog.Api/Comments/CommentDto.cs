using System.Text.Json.Serialization;
using Blog.Api.Hal;

namespace Blog.Api.Comments;

/// <summary>A comment on a post, as HAL.</summary>
public sealed class CommentDto
{
    [JsonPropertyName("_links")]
    public required CommentLinks Links { get; init; }

    /// <example>0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c</example>
    public required Guid Id { get; init; }

    /// <example>Nice post!</example>
    public required string Body { get; init; }

    /// <example>morty</example>
    public required string AuthorName { get; init; }

    /// <example>2026-11-21T10:05:00.123Z</example>
    public required DateTime PostedDate { get; init; }

    /// <example>2026-11-21T10:05:00.123Z</example>
    public required DateTime UpdatedDate { get; init; }
}

/// <summary><c>post</c> is the post commented on; <c>author</c> the comment's author.</summary>
public sealed record CommentLinks(Link Self, Link Post, Link Author);

public sealed record CommentsEmbedded(IReadOnlyList<CommentDto> Comments);
