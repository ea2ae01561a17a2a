using System.Text.Json.Serialization;
using Blog.Api.Hal;

namespace Blog.Api.Users;

/// <summary>An author, as HAL. Never carries a password or its hash.</summary>
public sealed class UserDto
{
    [JsonPropertyName("_links")]
    public required UserLinks Links { get; init; }

    public required string Username { get; init; }

    public required string? DisplayName { get; init; }

    public required DateTime JoinedDate { get; init; }

    public required int PostCount { get; init; }
}

public sealed record UserLinks(Link Self, Link Posts);

public sealed record UsersEmbedded(IReadOnlyList<UserDto> Users);

/// <summary>The signed-in user's own representation.</summary>
public sealed class MeDto
{
    [JsonPropertyName("_links")]
    public required MeLinks Links { get; init; }

    public required string Username { get; init; }

    public required string? DisplayName { get; init; }

    public required DateTime JoinedDate { get; init; }

    public required int PostCount { get; init; }
}

public sealed record MeLinks(Link Self, Link Profile, Link Posts, Link Tokens, Link MyPosts);
