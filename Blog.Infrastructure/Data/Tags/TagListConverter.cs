using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Blog.Infrastructure.Data.Tags;

/// <summary>
/// A list of tag names in one text column, separated by spaces (a tag name has none): the same on every provider,
/// and read by hand as easily as through EF Core.
/// </summary>
internal sealed class TagListConverter() : ValueConverter<IReadOnlyList<string>, string>(tags => ToStored(tags), stored => FromStored(stored))
{
    public static TagListConverter Instance { get; } = new();

    public static ValueComparer<IReadOnlyList<string>> Comparer { get; } = new(
        (left, right) => left != null && right != null && left.SequenceEqual(right),
        tags => tags.Aggregate(0, (hash, tag) => HashCode.Combine(hash, tag.GetHashCode(StringComparison.Ordinal))),
        tags => tags.ToArray());

    public static string ToStored(IReadOnlyList<string> tags) => string.Join(' ', tags);

    public static IReadOnlyList<string> FromStored(string stored) =>
        stored.Length == 0 ? [] : stored.Split(' ');
}
