namespace Blog.Domain.Paging;

/// <summary>Turns a keyset slice into a page with the cursors of its neighbours.</summary>
public static class KeysetPaging
{
    public static Page<T> ToPage<T>(KeysetSlice<T> slice, PageRequest request, int totalItems, Func<T, (DateTime Date, Guid Id)> keyOf)
    {
        var hasMoreAhead = slice.Items.Count > request.Size;
        var items = slice.Items.Take(request.Size).ToList();
        var readingNewer = request.Cursor?.Direction == PageDirection.Newer;
        if (readingNewer)
        {
            items.Reverse();
        }

        var hasOlder = readingNewer ? slice.HasItemsBehindCursor : hasMoreAhead;
        var hasNewer = readingNewer ? hasMoreAhead : request.Cursor is not null && slice.HasItemsBehindCursor;

        PageCursor? next = null, prev = null;
        if (items.Count == 0)
        {
            // Everything past the cursor is gone: point back to where the client came from.
            if (request.Cursor is { } cursor && hasNewer)
            {
                prev = PageCursor.Before(cursor.Date, cursor.Id);
            }
        }
        else
        {
            var (lastDate, lastId) = keyOf(items[^1]);
            var (firstDate, firstId) = keyOf(items[0]);
            next = hasOlder ? PageCursor.After(lastDate, lastId) : null;
            prev = hasNewer ? PageCursor.Before(firstDate, firstId) : null;
        }

        return new Page<T>(items, totalItems, next, prev);
    }
}
