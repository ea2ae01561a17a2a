using System.Text.Json.Serialization;
using Blog.Domain.Posts;
using Blog.Domain.Tags;

namespace Blog.Api.Posts;

/// <summary>
/// An RFC 7396 merge patch of a post. A member that is absent keeps its value; one that is present is
/// recorded as present even when it is null, so that <c>"title": null</c> can be refused.
/// </summary>
public sealed class PostMergePatch
{
    private string? title;
    private string? body;
    private IReadOnlyList<string>? tags;
    private string? status;
    private DateTime? publishedDate;

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

    /// <summary>When present: the whole new list (RFC 7396 replaces arrays), up to 10 names; <c>[]</c> removes every tag.</summary>
    public IReadOnlyList<string>? Tags
    {
        get => tags;
        set => (tags, HasTags) = (value, true);
    }

    /// <summary><c>published</c> publishes a draft (now, unless <c>publishedDate</c> says when); <c>draft</c> takes a post back.</summary>
    public string? Status
    {
        get => status;
        set => (status, HasStatus) = (value, true);
    }

    /// <summary>When the post becomes public (a future instant schedules it); not with <c>draft</c>.</summary>
    public DateTime? PublishedDate
    {
        get => publishedDate;
        set => (publishedDate, HasPublishedDate) = (value, true);
    }

    [JsonIgnore]
    public bool HasTitle { get; private set; }

    [JsonIgnore]
    public bool HasBody { get; private set; }

    [JsonIgnore]
    public bool HasTags { get; private set; }

    [JsonIgnore]
    public bool HasStatus { get; private set; }

    [JsonIgnore]
    public bool HasPublishedDate { get; private set; }

    /// <summary>Called once the validator has passed, so a present member is never null (except a draft's publishedDate).</summary>
    public PostPatch ToDomain() => new(
        Title, Body, Tags is null ? null : TagName.NormalizeAll(Tags), PostStatusNames.ToPublishing(Status, PublishedDate));
}
