using System.Text.RegularExpressions;

namespace Blog.Domain.Tags;

/// <summary>What a tag name is, and how an author's input becomes one.</summary>
public static partial class TagName
{
    public const int MaxLength = 32;

    /// <summary>How many tags one post may have.</summary>
    public const int MaxPerPost = 10;

    /// <summary>Trimmed and lower-cased (invariantly: a valid name is ASCII).</summary>
    public static string Normalize(string input) => input.Trim().ToLowerInvariant();

    /// <summary>1 to 32 of a-z, 0-9 and '-', after <see cref="Normalize"/>.</summary>
    public static bool IsValid(string name) => Pattern().IsMatch(name);

    /// <summary>The distinct normalised names, in the order first given.</summary>
    public static IReadOnlyList<string> NormalizeAll(IEnumerable<string> inputs) =>
        inputs.Select(Normalize).Distinct(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"^[a-z0-9-]{1,32}\z")]
    private static partial Regex Pattern();
}
