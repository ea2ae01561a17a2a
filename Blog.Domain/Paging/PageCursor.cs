namespace Blog.Domain.Paging;

/// <summary>A keyset position: the (date, id) of the item a page starts after, and the direction to read.</summary>
public sealed record PageCursor(PageDirection Direction, DateTime Date, Guid Id) : KeysetCursor(Direction)
{
    public static PageCursor After(DateTime date, Guid id) => new(PageDirection.Forward, date, id);

    public static PageCursor Before(DateTime date, Guid id) => new(PageDirection.Backward, date, id);
}

/// <summary>
/// Which way from the position a page reads, in the listing's own order (newest first for most listings, oldest
/// first for a post's comments). The values are sealed into cursors, so they never change.
/// </summary>
public enum PageDirection
{
    /// <summary>Items after the position in the listing's order (the "next" page).</summary>
    Forward = 0,

    /// <summary>Items before the position in the listing's order (the "prev" page).</summary>
    Backward = 1,
}
