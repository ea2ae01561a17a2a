namespace Blog.Domain.Posts;

/// <summary>The versions a writer says it has seen; a write against any other version is refused.</summary>
public sealed class ExpectedVersion
{
    private readonly IReadOnlySet<long>? versions;

    private ExpectedVersion(IReadOnlySet<long>? versions) => this.versions = versions;

    /// <summary>No condition: the writer accepts whatever version is current.</summary>
    public static ExpectedVersion Any { get; } = new(null);

    public bool IsAny => versions is null;

    /// <summary>The write may go ahead only against one of these versions (an empty set matches none).</summary>
    public static ExpectedVersion OneOf(IEnumerable<long> versions) => new(versions.ToHashSet());

    public bool IsSatisfiedBy(long version) => versions is null || versions.Contains(version);
}
