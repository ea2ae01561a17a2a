using System.Text.Json.Serialization;
using Blog.Api.Hal;

namespace Blog.Api.Tokens;

/// <summary>A personal access token, as HAL. Never carries its secret or the secret's hash.</summary>
public class AccessTokenDto
{
    [JsonPropertyName("_links")]
    public required AccessTokenLinks Links { get; init; }

    public required Guid Id { get; init; }

    /// <example>deploy script</example>
    public required string Name { get; init; }

    /// <summary><c>read</c>, <c>write</c> or both. Every token may read; <c>write</c> adds writes.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    public required DateTime CreatedDate { get; init; }

    /// <summary>From this instant on, the token is refused.</summary>
    public required DateTime ExpiresDate { get; init; }

    /// <summary>
    /// When the token last signed a request in, to the minute: it is recorded at most once a minute, so a token in
    /// steady use shows a time up to a minute old. Null until its first use.
    /// </summary>
    public required DateTime? LastUsedDate { get; init; }
}

/// <summary>A token just created: the only answer that ever shows its secret.</summary>
public sealed class CreatedAccessTokenDto : AccessTokenDto
{
    /// <summary>The secret to send as <c>Authorization: Bearer …</c>; shown this once, since only its hash is stored.</summary>
    /// <example>blog_vwA3Auvx6wraQAM1ikmr17jbeCndlbdwmzZdlQG9Pag</example>
    [JsonPropertyOrder(1)]
    public required string Token { get; init; }
}

public sealed record AccessTokenLinks(Link Self, Link Collection);

public sealed record AccessTokensEmbedded(IReadOnlyList<AccessTokenDto> Tokens);
