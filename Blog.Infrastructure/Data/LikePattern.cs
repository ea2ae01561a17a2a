namespace Blog.Infrastructure.Data;

/// <summary>LIKE (and ILIKE) patterns that find a text as it is: its <c>%</c>, <c>_</c> and <c>\</c> escaped.</summary>
internal static class LikePattern
{
    public const string EscapeCharacter = "\\";

    /// <summary>Matches any value that contains <paramref name="text"/>.</summary>
    public static string Containing(string text) => $"%{Escape(text)}%";

    private static string Escape(string text) =>
        text.Replace(EscapeCharacter, EscapeCharacter + EscapeCharacter, StringComparison.Ordinal)
            .Replace("%", EscapeCharacter + "%", StringComparison.Ordinal)
            .Replace("_", EscapeCharacter + "_", StringComparison.Ordinal);
}
