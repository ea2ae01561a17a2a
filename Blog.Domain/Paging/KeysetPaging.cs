namespace Blog.Domain.Paging;

/// <summary>
/// Turns a keyset slice into a page with the cursors of its neighbours. It needs no order of its own: the repository
/// reads forward and backward in the listing's order (newest first or oldest first), and the page keeps that order.
/// </summary>
public static class KeysetPaging
{
    public static Page<T> ToPage<T>(KeysetSlice<T> slice, PageRequest request, int totalItems, Func<T, (DateTime Date, Guid Id)> keyOf)
    {
        var hasMoreAhead = slice.Items.Count > request.Size;
        var items = slice.Items.Take(request.Size).ToList();
        var readingBackward = request.Cursor?.Direction == PageDirection.Backward;
        if (readingBackward)
        {
            items.Reverse();
        }

        var hasAfter = readingBackward ? slice.HasItemsBehindCursor : hasMoreAhead;
        var hasBefore = readingBackward ? hasMoreAhead : request.Cursor is not null && slice.HasItemsBehindCursor;

        PageCursor? next = null, prev = null;
        if (items.Count == 0)
        {
            // Everything past the cursor is gone: point back to where the client came from.
            if (request.Cursor is { } cursor && hasBefore)
            {
                prev = PageCursor.Before(cursor.Date, cursor.Id);
            }
        }
        else
        {
            var (lastDate, lastId) = keyOf(items[^1]);
            var (firstDate, firstId) = keyOf(items[0]);
            next = hasAfter ? PageCursor.After(lastDate, lastId) : null;
            prev = hasBefore ? PageCursor.Before(firstDate, firstId) : null;
        }

        return new Page<T>(items, totalItems, next, prev);
    }
}
