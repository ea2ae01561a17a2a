using System.Text.Json.Serialization;
using Blog.Api.Hal;

namespace Blog.Api.Tags;

/// <summary>A tag, as HAL: its name and how many public posts carry it.</summary>
public sealed class TagDto
{
    [JsonPropertyName("_links")]
    public required TagLinks Links { get; init; }

    /// <example>dotnet</example>
    public required string Name { get; init; }

    /// <summary>Public posts with this tag (drafts and posts scheduled for later are not counted).</summary>
    /// <example>12</example>
    public required int PostCount { get; init; }
}

/// <param name="Self">The tag.</param>
/// <param name="Posts">The public posts with this tag, newest first.</param>
public sealed record TagLinks(Link Self, Link Posts);

public sealed record TagsEmbedded(IReadOnlyList<TagDto> Tags);
