using System.Linq.Expressions;
using Blog.Domain.Paging;
using Microsoft.EntityFrameworkCore;

namespace Blog.Infrastructure.Data;

/// <summary>The order of a keyset listing by (date, id).</summary>
internal enum KeysetOrder
{
    NewestFirst,
    OldestFirst,
}

/// <summary>Keyset queries over (date, id), shared by every listing (the date may be a nullable column).</summary>
internal static class Keyset
{
    private const string IdProperty = "Id";

    /// <summary>
    /// Up to <paramref name="take"/> items from the cursor in <paramref name="order"/>: forward (the next page) reads
    /// on in that order; backward (the prev page) reads against it, nearest the cursor first.
    /// </summary>
    public static async Task<KeysetSlice<T>> ReadSliceAsync<T>(
        this IQueryable<T> source, string dateProperty, PageCursor? cursor, int take, CancellationToken cancellationToken,
        KeysetOrder order = KeysetOrder.NewestFirst)
        where T : class
    {
        var newestFirst = order == KeysetOrder.NewestFirst;
        if (cursor is null)
        {
            var first = await OrderBy(source, dateProperty, descending: newestFirst).Take(take).ToListAsync(cancellationToken);
            return new KeysetSlice<T>(first, HasItemsBehindCursor: false);
        }

        // Reading towards older items: newest first and forward, or oldest first and backward.
        var towardsOlder = newestFirst == (cursor.Direction == PageDirection.Forward);
        var (date, id) = (cursor.Date, cursor.Id);
        var items = await OrderBy(source.Where(towardsOlder ? Older<T>(dateProperty, date, id) : Newer<T>(dateProperty, date, id)), dateProperty, descending: towardsOlder)
            .Take(take)
            .ToListAsync(cancellationToken);
        var behind = await source.AnyAsync(
            towardsOlder ? NewerOrAt<T>(dateProperty, date, id) : OlderOrAt<T>(dateProperty, date, id), cancellationToken);
        return new KeysetSlice<T>(items, behind);
    }

    private static IOrderedQueryable<T> OrderBy<T>(IQueryable<T> source, string dateProperty, bool descending)
        where T : class => descending
        ? source.OrderByDescending(e => EF.Property<DateTime?>(e, dateProperty)).ThenByDescending(e => EF.Property<Guid>(e, IdProperty))
        : source.OrderBy(e => EF.Property<DateTime?>(e, dateProperty)).ThenBy(e => EF.Property<Guid>(e, IdProperty));

    private static Expression<Func<T, bool>> Older<T>(string dateProperty, DateTime date, Guid id)
        where T : class =>
        e => EF.Property<DateTime?>(e, dateProperty) < date
            || (EF.Property<DateTime?>(e, dateProperty) == date && EF.Property<Guid>(e, IdProperty).CompareTo(id) < 0);

    private static Expression<Func<T, bool>> OlderOrAt<T>(string dateProperty, DateTime date, Guid id)
        where T : class =>
        e => EF.Property<DateTime?>(e, dateProperty) < date
            || (EF.Property<DateTime?>(e, dateProperty) == date && EF.Property<Guid>(e, IdProperty).CompareTo(id) <= 0);

    private static Expression<Func<T, bool>> Newer<T>(string dateProperty, DateTime date, Guid id)
        where T : class =>
        e => EF.Property<DateTime?>(e, dateProperty) > date
            || (EF.Property<DateTime?>(e, dateProperty) == date && EF.Property<Guid>(e, IdProperty).CompareTo(id) > 0);

    private static Expression<Func<T, bool>> NewerOrAt<T>(string dateProperty, DateTime date, Guid id)
        where T : class =>
        e => EF.Property<DateTime?>(e, dateProperty) > date
            || (EF.Property<DateTime?>(e, dateProperty) == date && EF.Property<Guid>(e, IdProperty).CompareTo(id) >= 0);
}
