namespace Blog.Domain.Posts;

/// <summary>
/// What a post said at one version, kept when an edit replaced its title, body or tags. <see cref="SavedDate"/> is
/// when that version was saved; <see cref="Id"/> orders revisions saved in the same millisecond.
/// </summary>
public sealed record PostRevision(Guid Id, Guid PostId, long Version, string Title, string Body, IReadOnlyList<string> Tags, DateTime SavedDate);
