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

    /// <summary>Normalised tag names: lower-case a-z, 0-9 and '-'.</summary>
    /// <example>["dotnet", "http"]</example>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary><c>draft</c> or <c>published</c> (a published post whose <c>publishedDate</c> is still ahead is scheduled).</summary>
    /// <example>published</example>
    public required string Status { get; init; }

    /// <summary>When the post becomes (or became) public; null for a draft.</summary>
    /// <example>2026-11-21T10:00:00.123Z</example>
    public required DateTime? PublishedDate { get; init; }

    /// <example>rick</example>
    public required string AuthorName { get; init; }

    /// <example>2026-11-21T10:00:00.123Z</example>
    public required DateTime PostedDate { get; init; }

    /// <example>2026-11-21T10:00:00.123Z</example>
    public required DateTime UpdatedDate { get; init; }

    /// <example>3</example>
    public required int CommentCount { get; init; }
}

/// <param name="Self">The post.</param>
/// <param name="Author">Its author.</param>
/// <param name="Collection">All posts.</param>
/// <param name="Revisions">What its edits replaced (its author only).</param>
/// <param name="Comments">Its comments, oldest first.</param>
/// <param name="Tags">One link per tag, named by the tag, in the post's order; an array even for one tag or none.</param>
public sealed record PostLinks(Link Self, Link Author, Link Collection, Link Revisions, Link Comments, IReadOnlyList<NamedLink> Tags);

public sealed record PostsEmbedded(IReadOnlyList<PostDto> Posts);
