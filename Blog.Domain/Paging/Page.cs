namespace Blog.Domain.Paging;

/// <summary>What a client asked for: how many items, from where.</summary>
public sealed record PageRequest(int Size, PageCursor? Cursor)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;
}

/// <summary>One page of items, in the listing's order, with the cursors to its neighbours (null at either end).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int TotalItems, KeysetCursor? Next, KeysetCursor? Prev);

/// <summary>
/// What a repository reads for one keyset page: up to <c>size + 1</c> items in the requested direction, nearest the
/// cursor first (the extra one tells whether more follow), and whether anything lies on the other side of the cursor.
/// </summary>
public sealed record KeysetSlice<T>(IReadOnlyList<T> Items, bool HasItemsBehindCursor);
