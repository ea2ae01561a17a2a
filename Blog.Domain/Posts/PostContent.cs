namespace Blog.Domain.Posts;

/// <summary>The part of a post its author writes. <see cref="Tags"/> null: none on a create, unchanged on an edit.</summary>
public sealed record PostContent(string Title, string Body, IReadOnlyList<string>? Tags = null)
{
    /// <summary>
    /// A digest that tells two creates apart (an Idempotency-Key's request): content and publishing. Length prefixes
    /// keep the parts from running together. A request with neither tags nor publishing has the digest releases before
    /// them gave it, so a key remembered by one of them still replays after an upgrade.
    /// </summary>
    public string Fingerprint(Publishing? publishing)
    {
        var text = $"{Title.Length}:{Title}\n{Body}";
        if (Tags is not null || publishing is not null)
        {
            var tags = Tags is null ? "-" : string.Join(' ', Tags);
            var publishingPart = publishing is null ? "-" : $"{publishing.Status}:{publishing.PublishedDate?.Ticks}";
            text = $"{text.Length}:{text}\n{tags}\n{publishingPart}";
        }

        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>A partial change (RFC 7396 merge patch): a null member keeps the current value.</summary>
public sealed record PostPatch(string? Title, string? Body, IReadOnlyList<string>? Tags = null, Publishing? Publishing = null)
{
    public PostContent ApplyTo(Post post) => new(Title ?? post.Title, Body ?? post.Body, Tags ?? post.Tags);
}

/// <summary>
/// What an author asks of a post's publishing: a draft, or published at an instant (null: now, or when it was
/// already published, when it was).
/// </summary>
public sealed record Publishing(PostStatus Status, DateTime? PublishedDate = null)
{
    public static Publishing Now { get; } = new(PostStatus.Published);

    public static Publishing Draft { get; } = new(PostStatus.Draft);

    public DateTime? PublishedDateAt(DateTime now, DateTime? current = null) =>
        Status == PostStatus.Draft ? null
        : PublishedDate is { } asked ? Clock.Truncate(new DateTimeOffset(asked.ToUniversalTime(), TimeSpan.Zero))
        : current ?? now;
}

/// <summary>Which public posts a listing shows: by one author, with one tag, containing a text, or all.</summary>
public sealed record PostFilter(string? AuthorName, string? Text, string? Tag = null);

/// <summary>
/// The repository's form of <see cref="PostFilter"/>, with the author resolved to an id, and the instant that decides
/// which posts are public.
/// </summary>
public sealed record PostCriteria(Guid? AuthorId, string? Text, string? Tag, DateTime PublicAt);

/// <summary>Which of an author's own posts <c>/me/posts</c> shows.</summary>
public enum OwnPostsFilter
{
    All,
    Draft,
    Scheduled,
    Published,
}
