namespace Blog.Domain.Paging;

/// <summary>A keyset position: the (date, id) of the item a page starts after, and the direction to read.</summary>
public sealed record PageCursor(PageDirection Direction, DateTime Date, Guid Id) : KeysetCursor(Direction)
{
    public static PageCursor After(DateTime date, Guid id) => new(PageDirection.Older, date, id);

    public static PageCursor Before(DateTime date, Guid id) => new(PageDirection.Newer, date, id);
}

public enum PageDirection
{
    /// <summary>Items after the position in the list's order, newest (or most) first: the "next" page.</summary>
    Older,

    /// <summary>Items before the position in the list's order: the "prev" page.</summary>
    Newer,
}
