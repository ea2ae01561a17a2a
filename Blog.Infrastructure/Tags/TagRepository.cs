using Blog.Domain.Paging;
using Blog.Domain.Tags;
using Blog.Infrastructure.Data;
using Blog.Infrastructure.Data.Tags;
using Microsoft.EntityFrameworkCore;

namespace Blog.Infrastructure.Tags;

/// <summary>
/// Tags read from their stored counts (kept by <see cref="Posts.PostRepository"/> in each write's transaction), less
/// the posts still waiting for their instant. Those posts are few and found by the PublishedDate index; no query here
/// reads a public post.
/// </summary>
/// <remarks>
/// A page is two reads merged: the tags no waiting post carries, whose stored count is their public count, read from
/// the (PostCount, Name) index from the cursor's count on; and the few that a waiting post carries, recounted here.
/// Names are compared in ordinal order on both sides (SQL's binary collation, whatever the database's default), so
/// that the database's order and this class's agree. The index gives the counts in order, not the names within one
/// count (its names are in the database's collation, and ascending where the counts are read descending): the
/// database sorts the tags of each count it reaches, so a page among many equally used tags reads all of them. Those
/// are rows of Tags, never of Posts.
/// </remarks>
internal sealed class TagRepository(BlogDbContext db) : ITagRepository
{
    private static readonly Comparison<TagSummary> ListOrder = (left, right) =>
        right.PostCount != left.PostCount ? right.PostCount.CompareTo(left.PostCount) : string.CompareOrdinal(left.Name, right.Name);

    /// <summary>The split of one instant, read once for both the page and its count.</summary>
    private (DateTime Now, IQueryable<TagCount> Steady, List<TagSummary> Recounted)? split;

    private string BinaryCollation => db.Database.IsNpgsql() ? "C" : "BINARY";

    public async Task<TagSummary?> FindAsync(string name, DateTime now, CancellationToken cancellationToken)
    {
        var stored = await db.Tags.AsNoTracking().Where(tag => tag.Name == name).Select(tag => (int?)tag.PostCount).FirstOrDefaultAsync(cancellationToken);
        return stored is { } count ? new TagSummary(name, count - (await WaitingAsync(now, cancellationToken)).GetValueOrDefault(name)) : null;
    }

    public async Task<KeysetSlice<TagSummary>> GetSliceAsync(RankCursor? cursor, int take, DateTime now, CancellationToken cancellationToken)
    {
        var (steady, recounted) = await SplitAsync(now, cancellationToken);
        var order = cursor?.Direction == PageDirection.Backward ? (left, right) => ListOrder(right, left) : ListOrder;
        if (cursor is null)
        {
            var first = await InListOrder(steady).Take(take).Select(tag => new TagSummary(tag.Name, tag.PostCount)).ToListAsync(cancellationToken);
            return new KeysetSlice<TagSummary>(Merge(first, recounted, order, take), HasItemsBehindCursor: false);
        }

        var (rank, name, collation) = (cursor.Rank, cursor.Name, BinaryCollation);
        List<TagSummary> ahead;
        bool behind;
        if (cursor.Direction == PageDirection.Forward)
        {
            ahead = await InListOrder(steady)
                .Where(tag => tag.PostCount <= rank)
                .Where(tag => tag.PostCount < rank || EF.Functions.Collate(tag.Name, collation).CompareTo(name) > 0)
                .Take(take).Select(tag => new TagSummary(tag.Name, tag.PostCount)).ToListAsync(cancellationToken);
            behind = await steady.AnyAsync(
                tag => tag.PostCount > rank || (tag.PostCount == rank && EF.Functions.Collate(tag.Name, collation).CompareTo(name) <= 0),
                cancellationToken);
        }
        else
        {
            ahead = await steady
                .Where(tag => tag.PostCount >= rank)
                .Where(tag => tag.PostCount > rank || EF.Functions.Collate(tag.Name, collation).CompareTo(name) < 0)
                .OrderBy(tag => tag.PostCount).ThenByDescending(tag => EF.Functions.Collate(tag.Name, collation))
                .Take(take).Select(tag => new TagSummary(tag.Name, tag.PostCount)).ToListAsync(cancellationToken);
            behind = await steady.AnyAsync(
                tag => tag.PostCount < rank || (tag.PostCount == rank && EF.Functions.Collate(tag.Name, collation).CompareTo(name) >= 0),
                cancellationToken);
        }

        var at = new TagSummary(name, rank);
        var recountedAhead = recounted.Where(tag => order(tag, at) > 0);
        behind |= recounted.Any(tag => order(tag, at) <= 0);
        return new KeysetSlice<TagSummary>(Merge(ahead, recountedAhead, order, take), behind);
    }

    /// <remarks>
    /// Counts the rows of Tags in use, through the (PostCount, Name) index: a scan of the tags, never of the posts.
    /// Nothing stores how many tags are in use, and keeping such a count would make every post write that adds a
    /// tag's first post or removes its last one update one row that all of them share.
    /// </remarks>
    public async Task<int> CountAsync(DateTime now, CancellationToken cancellationToken)
    {
        var (steady, recounted) = await SplitAsync(now, cancellationToken);
        return await steady.CountAsync(cancellationToken) + recounted.Count;
    }

    /// <summary>
    /// The tags in use by public posts in two parts: a query of those that no waiting post carries, and those that one
    /// does, with their public counts (only those still above 0).
    /// </summary>
    private async Task<(IQueryable<TagCount> Steady, List<TagSummary> Recounted)> SplitAsync(DateTime now, CancellationToken cancellationToken)
    {
        if (split is { } known && known.Now == now)
        {
            return (known.Steady, known.Recounted);
        }

        var waiting = await WaitingAsync(now, cancellationToken);
        var names = waiting.Keys.ToArray();
        var steady = db.Tags.AsNoTracking().Where(tag => tag.PostCount > 0 && !names.Contains(tag.Name));
        var recounted = names.Length == 0
            ? []
            : (await db.Tags.AsNoTracking().Where(tag => names.Contains(tag.Name)).ToListAsync(cancellationToken))
                .Select(tag => new TagSummary(tag.Name, tag.PostCount - waiting[tag.Name]))
                .Where(tag => tag.PostCount > 0)
                .ToList();
        split = (now, steady, recounted);
        return (steady, recounted);
    }

    /// <summary>How many of the posts still waiting for their instant carry each tag, from the posts' own copy of their tags.</summary>
    private async Task<Dictionary<string, int>> WaitingAsync(DateTime now, CancellationToken cancellationToken) =>
        (await db.Posts.AsNoTracking().WaitingAt(now).Select(post => post.Tags).ToListAsync(cancellationToken))
            .SelectMany(tags => tags)
            .CountBy(name => name, StringComparer.Ordinal)
            .ToDictionary(StringComparer.Ordinal);

    private IOrderedQueryable<TagCount> InListOrder(IQueryable<TagCount> tags)
    {
        var collation = BinaryCollation;
        return tags.OrderByDescending(tag => tag.PostCount).ThenBy(tag => EF.Functions.Collate(tag.Name, collation));
    }

    private static List<TagSummary> Merge(IEnumerable<TagSummary> read, IEnumerable<TagSummary> recounted, Comparison<TagSummary> order, int take)
    {
        var merged = read.Concat(recounted).ToList();
        merged.Sort(order);
        return merged.Take(take).ToList();
    }
}
