namespace Blog.Domain.Paging;

/// <summary>Turns a keyset slice into a page with the cursors of its neighbours.</summary>
public static class KeysetPaging
{
    /// <summary>A page of a newest-first list, keyed by (date, id).</summary>
    public static Page<T> ToPage<T>(KeysetSlice<T> slice, PageRequest request, int totalItems, Func<T, (DateTime Date, Guid Id)> keyOf) =>
        ToPage(slice, request.Size, request.Cursor, totalItems, (item, direction) =>
        {
            var (date, id) = keyOf(item);
            return new PageCursor(direction, date, id);
        });

    /// <summary>A page of any keyset list: <paramref name="cursorAt"/> makes the position of an item, read in a direction.</summary>
    public static Page<T> ToPage<T>(KeysetSlice<T> slice, int size, KeysetCursor? cursor, int totalItems, Func<T, PageDirection, KeysetCursor> cursorAt)
    {
        var hasMoreAhead = slice.Items.Count > size;
        var items = slice.Items.Take(size).ToList();
        var readingNewer = cursor?.Direction == PageDirection.Newer;
        if (readingNewer)
        {
            items.Reverse();
        }

        var hasOlder = readingNewer ? slice.HasItemsBehindCursor : hasMoreAhead;
        var hasNewer = readingNewer ? hasMoreAhead : cursor is not null && slice.HasItemsBehindCursor;

        KeysetCursor? next = null, prev = null;
        if (items.Count == 0)
        {
            // Everything past the cursor is gone: point back to where the client came from.
            if (cursor is not null && hasNewer)
            {
                prev = cursor with { Direction = PageDirection.Newer };
            }
        }
        else
        {
            next = hasOlder ? cursorAt(items[^1], PageDirection.Older) : null;
            prev = hasNewer ? cursorAt(items[0], PageDirection.Newer) : null;
        }

        return new Page<T>(items, totalItems, next, prev);
    }
}
