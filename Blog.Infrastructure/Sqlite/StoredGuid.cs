namespace Blog.Infrastructure.Sqlite;

/// <summary>How EF Core's SQLite provider stores a <see cref="Guid"/>: upper-case text with hyphens.</summary>
internal static class StoredGuid
{
    public static string Text(Guid id) => string.Create(36, id, static (chars, value) =>
    {
        value.TryFormat(chars, out _, "D");
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = char.ToUpperInvariant(chars[i]);
        }
    });
}
