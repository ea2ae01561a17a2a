namespace Blog.Domain.Paging;

/// <summary>
/// A keyset position in a list ordered by rank, highest first, then by name in ordinal order: the (rank, name) of the
/// item a page starts after, and the direction to read.
/// </summary>
public sealed record RankCursor(PageDirection Direction, int Rank, string Name) : KeysetCursor(Direction)
{
    public static RankCursor After(int rank, string name) => new(PageDirection.Forward, rank, name);

    public static RankCursor Before(int rank, string name) => new(PageDirection.Backward, rank, name);
}
