using System.Diagnostics;
using Blog.Domain.Paging;
using Blog.Domain.Posts;
using Blog.Infrastructure.Data;
using Blog.Infrastructure.Posts;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Blog.Infrastructure.Sqlite;

/// <summary>
/// Public pages read by hand with statements prepared once per open connection (<see cref="PreparedPostReads"/>), for
/// every criterion but text search (<c>q</c>), which stays with EF Core (<see cref="PostPages"/>). The same rows and
/// counts as <see cref="PostPages"/>: public means <c>PublishedDate &lt;= now</c>, ordered by (PublishedDate, Id)
/// with ids compared as EF Core stores them (upper-case text), and a count is the kept one less the waiting posts.
/// </summary>
/// <remarks>
/// Through EF Core, a page of 20 with its count cost three connection opens (each registering SQLite's functions
/// again) and three commands translated and planned again: 1.1 ms of server CPU per first page at 1,000 posts, where
/// the hand-written baseline spends 0.18 ms. A cursor's position is a row value, which SQLite's index search starts
/// from, where EF Core's <c>date &lt; d OR (date = d AND id &lt; i)</c> walks the index from its newest entry; and
/// whether anything lies behind the cursor is read by the page's own statement.
/// </remarks>
internal sealed class SqlitePostPages(PreparedPostReads reads, DatabaseMetrics metrics, PostPages throughEfCore) : IPostPages
{
    private static readonly (string Name, SqliteType Type)[] Parameters =
    [
        ("$now", SqliteType.Integer), ("$author", SqliteType.Text), ("$tag", SqliteType.Text),
        ("$date", SqliteType.Integer), ("$id", SqliteType.Text), ("$take", SqliteType.Integer),
    ];

    private static readonly object TagPostCount = new();

    /// <summary>How a statement finds the posts carrying the tag, if the criteria name one.</summary>
    private enum Tagged
    {
        No,

        /// <summary>Fetch every post carrying the tag through its index and sort them.</summary>
        Few,

        /// <summary>Walk the newest-first index and keep the posts carrying it.</summary>
        Many,
    }

    /// <summary>Where a slice starts and which way it reads.</summary>
    private enum Position
    {
        /// <summary>The newest posts.</summary>
        First,

        /// <summary>Older than the cursor, newest first.</summary>
        Older,

        /// <summary>Newer than the cursor, oldest first.</summary>
        Newer,
    }

    public async Task<KeysetSlice<Post>> GetSliceAsync(PostCriteria criteria, PageCursor? cursor, int take, CancellationToken cancellationToken)
    {
        if (criteria.Text is not null)
        {
            return await throughEfCore.GetSliceAsync(criteria, cursor, take, cancellationToken);
        }

        return await ReadAsync(
            async reader =>
            {
                var tagged = criteria.Tag is { } tag ? await TaggedAsync(reader, tag, cancellationToken) : Tagged.No;
                var position = cursor is null ? Position.First : cursor.Direction == PageDirection.Forward ? Position.Older : Position.Newer;
                var shape = new Slice(criteria.AuthorId is not null, tagged, position);
                var page = Bind(reader.Prepared(shape, SliceSql, Parameters), criteria, cursor, take);
                var (items, behind) = await ReadSliceAsync(page, position != Position.First, take, cancellationToken);
                if (cursor is not null && items.Count == 0)
                {
                    // No row to carry the answer: asked on its own.
                    var behindCursor = Bind(reader.Prepared(new Behind(shape), BehindSql, Parameters), criteria, cursor, take);
                    behind = await ScalarAsync(behindCursor, cancellationToken) == 1;
                }

                return new KeysetSlice<Post>(items, behind);
            },
            cancellationToken);
    }

    public async Task<int> CountAsync(PostCriteria criteria, CancellationToken cancellationToken)
    {
        if (criteria.Text is not null)
        {
            return await throughEfCore.CountAsync(criteria, cancellationToken);
        }

        return await ReadAsync(
            async reader =>
            {
                var count = Bind(reader.Prepared(new Count(criteria.AuthorId is not null, criteria.Tag is not null), CountSql, Parameters), criteria, null, 0);
                return (int)(await ScalarAsync(count, cancellationToken) ?? 0);
            },
            cancellationToken);
    }

    /// <summary>
    /// The plan for a tag, by the rule EF Core's query follows (<see cref="PostPages.ManyTagged"/>), told by the tag's
    /// kept count (its published and scheduled posts) instead of by reading up to 2,000 of its rows.
    /// </summary>
    private async Task<Tagged> TaggedAsync(PreparedPostReads.Reader reader, string tag, CancellationToken cancellationToken)
    {
        var command = reader.Prepared(TagPostCount, static _ => "SELECT PostCount FROM Tags WHERE Name = $tag", Parameters);
        command.Parameters["$tag"].Value = tag;
        return (await ScalarAsync(command, cancellationToken) ?? 0) < PostPages.ManyTagged ? Tagged.Few : Tagged.Many;
    }

    /// <summary>Every parameter the criteria and cursor give; a statement binds the ones it names.</summary>
    private static SqliteCommand Bind(SqliteCommand command, PostCriteria criteria, PageCursor? cursor, int take)
    {
        var parameters = command.Parameters;
        parameters["$now"].Value = UtcMillisecondsConverter.ToStored(criteria.PublicAt);
        parameters["$take"].Value = take;
        if (criteria.AuthorId is { } authorId)
        {
            parameters["$author"].Value = StoredGuid.Text(authorId);
        }

        if (criteria.Tag is { } tag)
        {
            parameters["$tag"].Value = tag;
        }

        if (cursor is not null)
        {
            parameters["$date"].Value = UtcMillisecondsConverter.ToStored(cursor.Date);
            parameters["$id"].Value = StoredGuid.Text(cursor.Id);
        }

        return command;
    }

    /// <summary>
    /// The public posts that meet the criteria, as <c>FROM … WHERE …</c> over the posts named <paramref name="p"/>.
    /// <paramref name="indexedNow"/>: whether the index search may bound the range by <c>$now</c>; when a cursor
    /// bounds it from above instead (reading older), the unary + keeps SQLite from choosing <c>$now</c> over it.
    /// </summary>
    private static string Matching(string p, bool byAuthor, Tagged tagged, bool indexedNow)
    {
        var from = tagged == Tagged.Few ? $"PostTags {p}t CROSS JOIN Posts {p} ON {p}.Id = {p}t.PostId" : $"Posts {p}";
        var where = new List<string> { $"{(indexedNow ? "" : "+")}{p}.PublishedDate <= $now" };
        if (byAuthor)
        {
            where.Add($"{p}.AuthorId = $author");
        }

        // CROSS JOIN keeps SQLite's planner from walking the posts first: few tagged posts are fetched and sorted.
        if (tagged == Tagged.Few)
        {
            where.Add($"{p}t.Name = $tag");
        }
        else if (tagged == Tagged.Many)
        {
            where.Add($"EXISTS (SELECT 1 FROM PostTags {p}t WHERE {p}t.PostId = {p}.Id AND {p}t.Name = $tag)");
        }
        return $"FROM {from} WHERE {string.Join(" AND ", where)}";
    }

    /// <summary>
    /// The slice, with whether anything lies behind the cursor as its last column. Few tagged posts are sorted by
    /// their keys alone, and only the page's rows read in full (sorting whole rows cost twice as much).
    /// </summary>
    private static string SliceSql(Slice shape)
    {
        var (byAuthor, tagged, position) = shape;
        var (relation, order) = position == Position.Newer ? (">", "ASC") : ("<", "DESC");
        var behind = position == Position.First ? "" : $", ({BehindSql(new Behind(shape))})";
        string Slice(string p) =>
            Matching(p, byAuthor, tagged, indexedNow: position != Position.Older)
            + (position == Position.First ? "" : $" AND ({p}.PublishedDate, {p}.Id) {relation} ($date, $id)")
            + $" ORDER BY {p}.PublishedDate {order}, {p}.Id {order}";

        return tagged == Tagged.Few
            ? $"SELECT {Columns("p")}{behind} FROM Posts p WHERE p.rowid IN (SELECT k.rowid {Slice("k")} LIMIT $take) ORDER BY p.PublishedDate {order}, p.Id {order}"
            : $"SELECT {Columns("p")}{behind} {Slice("p")} LIMIT $take";
    }

    /// <summary>Whether any post lies on the other side of the cursor, the cursor's own post included.</summary>
    private static string BehindSql(Behind behind)
    {
        var (byAuthor, tagged, position) = behind.Slice;
        var relation = position == Position.Older ? ">=" : "<=";
        return $"SELECT EXISTS (SELECT 1 {Matching("b", byAuthor, tagged, indexedNow: position == Position.Older)} AND (b.PublishedDate, b.Id) {relation} ($date, $id))";
    }

    /// <summary>
    /// A kept count less the waiting posts it includes (see <see cref="PostRepository"/>); by author and tag at once,
    /// which nothing keeps, the posts are counted.
    /// </summary>
    private static string CountSql(Count count)
    {
        const string tagged = "EXISTS (SELECT 1 FROM PostTags t WHERE t.PostId = p.Id AND t.Name = $tag)";
        return count switch
        {
            { ByAuthor: true, ByTag: true } => $"SELECT count(*) FROM Posts p WHERE p.AuthorId = $author AND p.PublishedDate <= $now AND {tagged}",
            { ByAuthor: true } => "SELECT PostCount - (SELECT count(*) FROM Posts WHERE AuthorId = $author AND PublishedDate > $now) FROM Users WHERE Id = $author",
            { ByTag: true } => $"SELECT PostCount - (SELECT count(*) FROM Posts p WHERE p.PublishedDate > $now AND {tagged}) FROM Tags WHERE Name = $tag",
            _ => "SELECT (SELECT coalesce(sum(PostCount), 0) FROM Users) - (SELECT count(*) FROM Posts WHERE PublishedDate > $now)",
        };
    }

    private static string Columns(string p) => string.Join(", ", PreparedPostReads.Columns.Split(", ").Select(column => $"{p}.{column}"));

    /// <summary>
    /// A reader's connection, interrupted inside SQLite if the request is cancelled, as EF Core's are
    /// (<see cref="InterruptOnCancellation"/>): a page for a tag on many posts walks the index until it has found them.
    /// </summary>
    private async Task<T> ReadAsync<T>(Func<PreparedPostReads.Reader, Task<T>> read, CancellationToken cancellationToken)
    {
        var reader = reads.Take();
        var failed = true;
        var interruption = cancellationToken.Register(InterruptOnCancellation.Interrupt, reader.Connection);
        try
        {
            var result = await read(reader);
            failed = false;
            return result;
        }
        finally
        {
            // Disposing waits for a running interrupt, so the connection goes back to the bag with none to come.
            await interruption.DisposeAsync();
            reads.Return(reader, failed);
        }
    }

    private Task<(List<Post> Items, bool Behind)> ReadSliceAsync(SqliteCommand command, bool readsBehind, int take, CancellationToken cancellationToken) =>
        TimedAsync(
            command,
            async (command, cancellationToken) =>
            {
                var items = new List<Post>(take);
                var behind = false;
                await using var rows = await command.ExecuteReaderAsync(cancellationToken);
                while (await rows.ReadAsync(cancellationToken))
                {
                    items.Add(PreparedPostReads.ReadPost(rows));
                    behind = readsBehind && rows.GetInt64(11) == 1;
                }

                return (items, behind);
            },
            cancellationToken);

    private Task<long?> ScalarAsync(SqliteCommand command, CancellationToken cancellationToken) =>
        TimedAsync(command, static async (command, cancellationToken) => await command.ExecuteScalarAsync(cancellationToken) as long?, cancellationToken);

    /// <summary>
    /// The command run and timed, as DatabaseTimeInterceptor times EF Core's; a statement interrupted because the
    /// request was cancelled is a cancellation, as EF Core takes it (<see cref="InterruptIsCancellation"/>).
    /// </summary>
    private async Task<T> TimedAsync<T>(SqliteCommand command, Func<SqliteCommand, CancellationToken, Task<T>> run, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        Exception? failure = null;
        try
        {
            return await run(command, cancellationToken);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == raw.SQLITE_INTERRUPT && cancellationToken.IsCancellationRequested)
        {
            failure = new OperationCanceledException("The request was cancelled.", exception, cancellationToken);
            throw failure;
        }
        catch (Exception exception)
        {
            failure = exception;
            throw;
        }
        finally
        {
            metrics.RecordSince(command.Connection, started, failure);
        }
    }

    private readonly record struct Slice(bool ByAuthor, Tagged Tagged, Position Position);

    private readonly record struct Behind(Slice Slice);

    private readonly record struct Count(bool ByAuthor, bool ByTag);
}
