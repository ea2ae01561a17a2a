namespace Blog.Domain.Tags;

/// <summary>A tag and how many public posts carry it.</summary>
public sealed record TagSummary(string Name, int PostCount);
