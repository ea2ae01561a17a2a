using System.Text.Json.Serialization;
using Blog.Domain.Comments;

namespace Blog.Api.Comments;

/// <summary>The body of a create. Members a client may echo back from a GET (<c>id</c>, <c>authorName</c>, the dates, <c>_links</c>) are not read.</summary>
/// <param name="Body" example="Nice post!">Required, not blank, at most 10,000 characters.</param>
public sealed record CommentRequest(string? Body)
{
    /// <summary>Called once the validator has passed, so the body is present.</summary>
    public string ToBody() => Body!;
}

/// <summary>
/// An RFC 7396 merge patch of a comment. A member that is absent keeps its value; one that is present is recorded as
/// present even when it is null, so that <c>"body": null</c> can be refused.
/// </summary>
public sealed class CommentMergePatch
{
    private string? body;

    /// <summary>When present: not null, not blank, at most 10,000 characters.</summary>
    /// <example>Nice post! (edited)</example>
    public string? Body
    {
        get => body;
        set => (body, HasBody) = (value, true);
    }

    [JsonIgnore]
    public bool HasBody { get; private set; }

    /// <summary>Called once the validator has passed, so a present body is never null.</summary>
    public CommentPatch ToDomain() => new(Body);
}
