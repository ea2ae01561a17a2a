using Blog.Domain.Posts;
using Blog.Domain.Tags;

namespace Blog.Api.Posts;

/// <summary>
/// The body of a create or a replace. Members a client may echo back from a GET (<c>id</c>, <c>authorName</c>,
/// <c>postedDate</c>, <c>updatedDate</c>, <c>commentCount</c>, <c>_links</c>) are not read.
/// </summary>
/// <param name="Title" example="First!">Required, not blank, at most 200 characters.</param>
/// <param name="Body" example="First post!">Required, not blank, at most 100,000 characters.</param>
/// <param name="Tags" example="[&quot;dotnet&quot;, &quot;http&quot;]">
/// Up to 10 names of 1–32 of a-z, 0-9 and '-' (trimmed and lower-cased first). Left out: none on a create, unchanged on a replace.
/// </param>
/// <param name="Status" example="published">
/// <c>draft</c> or <c>published</c>. Left out: a create publishes now, a replace keeps the post's.
/// </param>
/// <param name="PublishedDate" example="2026-12-01T09:00:00.000Z">
/// With <c>published</c> (or alone): when the post becomes public; a future instant schedules it. Not with <c>draft</c>.
/// </param>
public sealed record PostRequest(string? Title, string? Body, IReadOnlyList<string>? Tags = null, string? Status = null, DateTime? PublishedDate = null)
{
    /// <summary>Called once the validator has passed, so both members are present.</summary>
    public PostContent ToContent() => new(Title!, Body!, Tags is null ? null : TagName.NormalizeAll(Tags));

    public Publishing? ToPublishing() => PostStatusNames.ToPublishing(Status, PublishedDate);
}
