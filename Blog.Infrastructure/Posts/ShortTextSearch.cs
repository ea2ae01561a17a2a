using Blog.Domain.Posts;
using Microsoft.EntityFrameworkCore;

namespace Blog.Infrastructure.Posts;

internal static class ShortTextSearch
{
    /// <summary>
    /// Posts whose title or body contains the text (LIKE is case-insensitive for ASCII). Used only for one- and
    /// two-character searches, which the trigram index cannot answer.
    /// </summary>
    public static IQueryable<Post> WhereContainsLike(this IQueryable<Post> posts, string text)
    {
        var pattern = $"%{Escape(text)}%";
        return posts.Where(post => EF.Functions.Like(post.Title, pattern, "\\") || EF.Functions.Like(post.Body, pattern, "\\"));
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
