namespace Blog.Domain.Paging;

/// <summary>
/// A keyset position: the key of the item a page starts after, and the direction to read. Each ordering has its own
/// kind of key: <see cref="PageCursor"/> for newest-first lists by (date, id), <see cref="RankCursor"/> for
/// most-first lists by (rank, name).
/// </summary>
public abstract record KeysetCursor(PageDirection Direction);
