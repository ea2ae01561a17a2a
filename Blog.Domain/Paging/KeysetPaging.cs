namespace Blog.Domain.Paging;

/// <summary>
/// Turns a keyset slice into a page with the cursors of its neighbours. It needs no order of its own: the repository
/// reads forward and backward in the listing's order (newest first, oldest first, most used first), and the page
/// keeps that order.
/// </summary>
public static class KeysetPaging
{
    /// <summary>A page of a listing keyed by (date, id).</summary>
    public static Page<T> ToPage<T>(KeysetSlice<T> slice, PageRequest request, int totalItems, Func<T, (DateTime Date, Guid Id)> keyOf) =>
        ToPage(slice, request.Size, request.Cursor, totalItems, (item, direction) =>
        {
            var (date, id) = keyOf(item);
            return new PageCursor(direction, date, id);
        });

    /// <summary>A page of any keyset listing: <paramref name="cursorAt"/> makes the position of an item, read in a direction.</summary>
    public static Page<T> ToPage<T>(KeysetSlice<T> slice, int size, KeysetCursor? cursor, int totalItems, Func<T, PageDirection, KeysetCursor> cursorAt)
    {
        var hasMoreAhead = slice.Items.Count > size;
        var items = slice.Items.Take(size).ToList();
        var readingBackward = cursor?.Direction == PageDirection.Backward;
        if (readingBackward)
        {
            items.Reverse();
        }

        var hasAfter = readingBackward ? slice.HasItemsBehindCursor : hasMoreAhead;
        var hasBefore = readingBackward ? hasMoreAhead : cursor is not null && slice.HasItemsBehindCursor;

        KeysetCursor? next = null, prev = null;
        if (items.Count == 0)
        {
            // Everything past the cursor is gone: point back to where the client came from.
            if (cursor is not null && hasBefore)
            {
                prev = cursor with { Direction = PageDirection.Backward };
            }
        }
        else
        {
            next = hasAfter ? cursorAt(items[^1], PageDirection.Forward) : null;
            prev = hasBefore ? cursorAt(items[0], PageDirection.Backward) : null;
        }

        return new Page<T>(items, totalItems, next, prev);
    }
}
