using Blog.Domain.Posts;

namespace Blog.Api.Posts;

/// <summary>A post's <c>status</c> as the API writes and reads it.</summary>
public static class PostStatusNames
{
    public const string Draft = "draft";
    public const string Published = "published";

    public static readonly IReadOnlyList<string> All = [Draft, Published];

    public static string Of(PostStatus status) => status == PostStatus.Draft ? Draft : Published;

    /// <summary>
    /// The publishing a request asks for: none when it names neither member (a create publishes now, an edit keeps
    /// what the post has); a <c>publishedDate</c> alone publishes at it. Called once the validator has passed.
    /// </summary>
    public static Publishing? ToPublishing(string? status, DateTime? publishedDate) => (status, publishedDate) switch
    {
        (null, null) => null,
        (Draft, _) => Publishing.Draft,
        _ => new Publishing(PostStatus.Published, publishedDate),
    };
}
