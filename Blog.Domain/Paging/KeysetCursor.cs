namespace Blog.Domain.Paging;

/// <summary>
/// A keyset position: the key of the item a page starts after, and the direction to read. Each ordering has its own
/// kind of key: <see cref="PageCursor"/> for listings by (date, id), newest or oldest first, and
/// <see cref="RankCursor"/> for listings by (rank, name), most first.
/// </summary>
public abstract record KeysetCursor(PageDirection Direction);
