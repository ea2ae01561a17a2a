namespace Blog.Domain;

/// <summary>A resource whose every change bumps <see cref="Version"/> (its ETag) and is dated; what a write's preconditions look at.</summary>
public interface IVersioned
{
    long Version { get; }

    DateTime UpdatedDate { get; }
}
