using Blog.Domain.Paging;
using Microsoft.EntityFrameworkCore;

namespace Blog.Infrastructure.Data;

/// <summary>Keyset queries over (date, id), shared by every newest-first listing (the date may be a nullable column).</summary>
internal static class Keyset
{
    private const string IdProperty = "Id";

    public static async Task<KeysetSlice<T>> ReadSliceAsync<T>(
        this IQueryable<T> source, string dateProperty, PageCursor? cursor, int take, CancellationToken cancellationToken)
        where T : class
    {
        if (cursor is null)
        {
            var first = await source
                .OrderByDescending(e => EF.Property<DateTime?>(e, dateProperty))
                .ThenByDescending(e => EF.Property<Guid>(e, IdProperty))
                .Take(take)
                .ToListAsync(cancellationToken);
            return new KeysetSlice<T>(first, HasItemsBehindCursor: false);
        }

        var (date, id) = (cursor.Date, cursor.Id);
        if (cursor.Direction == PageDirection.Older)
        {
            var older = await source
                .Where(e => EF.Property<DateTime?>(e, dateProperty) < date
                    || (EF.Property<DateTime?>(e, dateProperty) == date && EF.Property<Guid>(e, IdProperty).CompareTo(id) < 0))
                .OrderByDescending(e => EF.Property<DateTime?>(e, dateProperty))
                .ThenByDescending(e => EF.Property<Guid>(e, IdProperty))
                .Take(take)
                .ToListAsync(cancellationToken);
            var newerExist = await source.AnyAsync(
                e => EF.Property<DateTime?>(e, dateProperty) > date
                    || (EF.Property<DateTime?>(e, dateProperty) == date && EF.Property<Guid>(e, IdProperty).CompareTo(id) >= 0),
                cancellationToken);
            return new KeysetSlice<T>(older, newerExist);
        }

        var newer = await source
            .Where(e => EF.Property<DateTime?>(e, dateProperty) > date
                || (EF.Property<DateTime?>(e, dateProperty) == date && EF.Property<Guid>(e, IdProperty).CompareTo(id) > 0))
            .OrderBy(e => EF.Property<DateTime?>(e, dateProperty))
            .ThenBy(e => EF.Property<Guid>(e, IdProperty))
            .Take(take)
            .ToListAsync(cancellationToken);
        var olderExist = await source.AnyAsync(
            e => EF.Property<DateTime?>(e, dateProperty) < date
                || (EF.Property<DateTime?>(e, dateProperty) == date && EF.Property<Guid>(e, IdProperty).CompareTo(id) <= 0),
            cancellationToken);
        return new KeysetSlice<T>(newer, olderExist);
    }
}
