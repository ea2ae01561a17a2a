using System.Text;
using Blog.Domain.Posts;
using Blog.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Blog.Infrastructure.Sqlite;

internal static class ShortTextSearch
{
    /// <summary>
    /// Posts whose title or body contains the text, without regard to case. Used only for one- and two-character
    /// searches, which the trigram index cannot answer. SQLite's LIKE folds the case of ASCII letters only, so the
    /// text is looked for in each casing of its other letters (at most nine spellings of two characters).
    /// </summary>
    public static IQueryable<Post> WhereContainsLike(this IQueryable<Post> posts, string text)
    {
        var patterns = Spellings(text).Select(LikePattern.Containing).ToList();
        const string escape = LikePattern.EscapeCharacter;
        if (patterns is [var pattern])
        {
            return posts.Where(post => EF.Functions.Like(post.Title, pattern, escape) || EF.Functions.Like(post.Body, pattern, escape));
        }

        return posts.Where(post => patterns.Any(spelling => EF.Functions.Like(post.Title, spelling, escape) || EF.Functions.Like(post.Body, spelling, escape)));
    }

    /// <summary>Every combination of each character's lower, upper and own case (ASCII as it is: LIKE folds it).</summary>
    private static IEnumerable<string> Spellings(string text)
    {
        IEnumerable<string> spellings = [string.Empty];
        foreach (var rune in text.EnumerateRunes())
        {
            var casings = rune.IsAscii ? [rune] : new[] { rune, Rune.ToLowerInvariant(rune), Rune.ToUpperInvariant(rune) }.Distinct().ToArray();
            spellings = spellings.SelectMany(prefix => casings.Select(casing => prefix + casing.ToString())).ToList();
        }

        return spellings;
    }

}
