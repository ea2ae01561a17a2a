using System.Text.Json.Serialization;
using Blog.Api.Hal;

namespace Blog.Api.Revisions;

/// <summary>An earlier version of a post, as HAL: what an edit of its title, body or tags replaced.</summary>
public sealed class RevisionDto
{
    [JsonPropertyName("_links")]
    public required RevisionLinks Links { get; init; }

    /// <summary>The post's version this was: the number in that version's ETag.</summary>
    /// <example>2</example>
    public required long Version { get; init; }

    /// <example>First!</example>
    public required string Title { get; init; }

    /// <example>First post!</example>
    public required string Body { get; init; }

    /// <example>["dotnet"]</example>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>When this version was saved.</summary>
    /// <example>2026-11-21T10:00:00.123Z</example>
    public required DateTime SavedDate { get; init; }
}

public sealed record RevisionLinks(Link Self, Link Post);

public sealed record RevisionsEmbedded(IReadOnlyList<RevisionDto> Revisions);
