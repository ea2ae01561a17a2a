namespace Blog.Domain.Posts;

/// <summary>
/// What a writer requires of a resource's current state (a post's, a comment's) before its change may apply (RFC 9110
/// §13.1): one of the versions it has seen (<c>If-Match</c>), none of the versions it names or no resource at all
/// (<c>If-None-Match</c>), and no change since a time (<c>If-Unmodified-Since</c>).
/// </summary>
public sealed record WritePreconditions
{
    /// <summary>No condition: the writer accepts whatever version is current.</summary>
    public static WritePreconditions None { get; } = new();

    /// <summary>The versions the change may apply to; null for any.</summary>
    public IReadOnlySet<long>? MatchingVersions { get; init; }

    /// <summary>Versions the change must not apply to.</summary>
    public IReadOnlySet<long> ExcludedVersions { get; init; } = new HashSet<long>();

    /// <summary>The change must not apply to any existing resource (<c>If-None-Match: *</c>).</summary>
    public bool ExcludesEveryVersion { get; init; }

    /// <summary>The resource must not have changed after this instant (HTTP dates have whole seconds).</summary>
    public DateTimeOffset? UnmodifiedSince { get; init; }

    public bool IsNone =>
        MatchingVersions is null && ExcludedVersions.Count == 0 && !ExcludesEveryVersion && UnmodifiedSince is null;

    public bool AreMetBy(IVersioned resource) =>
        (MatchingVersions is null || MatchingVersions.Contains(resource.Version))
        && (UnmodifiedSince is not { } since || WholeSeconds(resource.UpdatedDate) <= since)
        && !ExcludesEveryVersion
        && !ExcludedVersions.Contains(resource.Version);

    private static DateTimeOffset WholeSeconds(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
