using Blog.Domain.Posts;
using Blog.Infrastructure.Data;
using Blog.Infrastructure.Posts;
using Microsoft.EntityFrameworkCore;

namespace Blog.Infrastructure.Sqlite;

/// <summary>Text search through the FTS5 trigram index (<c>PostsSearch</c>, see the PostsFullTextSearch migration).</summary>
internal sealed class SqlitePostTextSearch(BlogDbContext db) : IPostTextSearch
{
    /// <summary>
    /// The trigram index finds texts of three characters (Unicode scalar values, so two emoji are two) or more; shorter
    /// ones are looked for with LIKE.
    /// </summary>
    private const int TrigramLength = 3;

    /// <summary>From this many matches on, scanning the newest-first index beats fetching and sorting every match.</summary>
    private const int ManyMatches = 2_000;

    /// <summary>The index's matches of the last phrase counted, when the count was complete (under its limit).</summary>
    private (string Phrase, int Matches)? counted;

    public async Task<IQueryable<Post>> MatchingAsync(string text, CancellationToken cancellationToken) =>
        !UsesIndex(text) ? db.Posts.WhereContainsLike(text)
        : await CountIndexMatchesAsync(Phrase(text), ManyMatches, cancellationToken) < ManyMatches ? FetchingMatches(Phrase(text))
        : ScanningForMatches(Phrase(text));

    /// <summary>
    /// The index counts every post, public or not; the matches among drafts and posts still waiting for their instant
    /// are subtracted, looked for only when there are any (the PublishedDate index answers that at once).
    /// </summary>
    public async Task<int> CountAsync(string text, DateTime now, CancellationToken cancellationToken)
    {
        if (!UsesIndex(text))
        {
            return await db.Posts.WhereContainsLike(text).PublicAt(now).CountAsync(cancellationToken);
        }

        var phrase = Phrase(text);
        var matches = await CountIndexMatchesAsync(phrase, limit: -1, cancellationToken);
        var hidden = db.Posts.HiddenAt(now);
        return await hidden.AnyAsync(cancellationToken)
            ? matches - await hidden.Where(post => FetchingMatches(phrase).Any(match => match.Id == post.Id)).CountAsync(cancellationToken)
            : matches;
    }

    /// <summary>The trigram index answers texts of three characters or more (a search text holds no control characters).</summary>
    private static bool UsesIndex(string text) => text.EnumerateRunes().Take(TrigramLength).Count() >= TrigramLength;

    /// <summary>A quoted FTS5 string is one phrase, which the trigram tokenizer matches as a plain substring.</summary>
    private static string Phrase(string text) => $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>Few matches: fetch each by rowid and sort them.</summary>
    private IQueryable<Post> FetchingMatches(string phrase) => db.Posts.FromSqlInterpolated(
        $"SELECT * FROM Posts WHERE rowid IN (SELECT rowid FROM PostsSearch WHERE PostsSearch MATCH {phrase})");

    /// <summary>
    /// Many matches: walk the newest-first index and keep the posts that match, which stops after one page instead
    /// of fetching and sorting every match. The unary + keeps SQLite from driving the query by rowid.
    /// </summary>
    private IQueryable<Post> ScanningForMatches(string phrase) => db.Posts.FromSqlInterpolated(
        $"SELECT * FROM Posts WHERE +rowid IN (SELECT rowid FROM PostsSearch WHERE PostsSearch MATCH {phrase})");

    /// <summary>
    /// How many posts the index finds for the phrase, counting no further than <paramref name="limit"/> (-1: all). A
    /// page's plan and its count ask for the same phrase; a count that stopped short of its limit answers both.
    /// </summary>
    private async Task<int> CountIndexMatchesAsync(string phrase, int limit, CancellationToken cancellationToken)
    {
        if (counted is { } known && known.Phrase == phrase)
        {
            return known.Matches;
        }

        var matches = await db.Database.SqlQuery<int>(
                $"SELECT count(*) AS Value FROM (SELECT rowid FROM PostsSearch WHERE PostsSearch MATCH {phrase} LIMIT {limit})")
            .SingleAsync(cancellationToken);
        if (limit < 0 || matches < limit)
        {
            counted = (phrase, matches);
        }

        return matches;
    }
}
