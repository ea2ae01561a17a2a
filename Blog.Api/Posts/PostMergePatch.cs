using System.Text.Json.Serialization;
using Blog.Domain.Posts;

namespace Blog.Api.Posts;

/// <summary>
/// An RFC 7396 merge patch of a post. A member that is absent keeps its value; one that is present is
/// recorded as present even when it is null, so that <c>"title": null</c> can be refused.
/// </summary>
public sealed class PostMergePatch
{
    private string? title;
    private string? body;

    /// <summary>When present: not null, not blank, at most 200 characters.</summary>
    /// <example>Only the title changes</example>
    public string? Title
    {
        get => title;
        set => (title, HasTitle) = (value, true);
    }

    /// <summary>When present: not null, not blank, at most 100,000 characters.</summary>
    public string? Body
    {
        get => body;
        set => (body, HasBody) = (value, true);
    }

    [JsonIgnore]
    public bool HasTitle { get; private set; }

    [JsonIgnore]
    public bool HasBody { get; private set; }

    /// <summary>Called once the validator has passed, so a present member is never null.</summary>
    public PostPatch ToDomain() => new(Title, Body);
}
