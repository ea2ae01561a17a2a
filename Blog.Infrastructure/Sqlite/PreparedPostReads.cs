using System.Collections.Concurrent;
using System.Diagnostics;
using Blog.Domain.Posts;
using Blog.Infrastructure.Data;
using Blog.Infrastructure.Data.Tags;
using Microsoft.Data.Sqlite;

namespace Blog.Infrastructure.Sqlite;

/// <summary>
/// Open connections to the blog's database, each with its statements prepared once, for the hottest reads: the
/// post-by-id statement, and the public list's statements, each prepared on its first use.
/// </summary>
/// <remarks>
/// Through EF Core, every open of a pooled connection registers the provider's SQL functions again and every command is
/// parsed and planned again: for a read of one row by key, each costs more than the read. A reader here is used by one
/// request at a time and goes back to the bag; there are as many as requests ever read at once.
/// </remarks>
internal sealed class PreparedPostReads(string connectionString) : IDisposable
{
    /// <summary>A post's columns, as <see cref="ReadPost"/> reads them (the ones EF Core maps, see PostConfiguration).</summary>
    public const string Columns = "Id, Title, Body, Tags, AuthorId, AuthorName, PostedDate, UpdatedDate, PublishedDate, CommentCount, Version";

    private readonly ConcurrentBag<Reader> idle = [];

    public Reader Take() => idle.TryTake(out var reader) ? reader : new Reader(connectionString);

    /// <summary>Back to the bag, unless a read failed on it: its connection may be broken, so it is closed instead.</summary>
    public void Return(Reader reader, bool failed)
    {
        if (failed)
        {
            reader.Dispose();
        }
        else
        {
            idle.Add(reader);
        }
    }

    /// <summary>
    /// One read of a single statement on a reader of the bag, timed as one database command (EF Core's commands are
    /// timed by DatabaseTimeInterceptor; these are not EF Core's).
    /// </summary>
    public async Task<T> ReadOnceAsync<T>(DatabaseMetrics metrics, Func<Reader, Task<T>> read)
    {
        var reader = Take();
        var started = Stopwatch.GetTimestamp();
        Exception? failure = null;
        try
        {
            return await read(reader);
        }
        catch (Exception exception)
        {
            failure = exception;
            throw;
        }
        finally
        {
            metrics.RecordSince(reader.Connection, started, failure);
            Return(reader, failed: failure is not null);
        }
    }

    /// <summary>The post in the row's first columns, <see cref="Columns"/>.</summary>
    public static Post ReadPost(SqliteDataReader row) => Post.Restore(
        row.GetGuid(0), row.GetString(1), row.GetString(2), TagListConverter.FromStored(row.GetString(3)), row.GetGuid(4),
        row.GetString(5), UtcMillisecondsConverter.FromStored(row.GetInt64(6)), UtcMillisecondsConverter.FromStored(row.GetInt64(7)),
        row.IsDBNull(8) ? null : UtcMillisecondsConverter.FromStored(row.GetInt64(8)), row.GetInt32(9), row.GetInt64(10));

    public void Dispose()
    {
        while (idle.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    internal sealed class Reader : IDisposable
    {
        private readonly Dictionary<object, SqliteCommand> prepared = [];

        public Reader(string connectionString)
        {
            Connection = new SqliteConnection(connectionString);
            Connection.Open();
            PostById = Connection.CreateCommand();
            PostById.CommandText = $"SELECT {Columns} FROM Posts WHERE Id = $id";
            Id = PostById.Parameters.Add("$id", SqliteType.Text);
            PostById.Prepare();
        }

        public SqliteConnection Connection { get; }

        public SqliteCommand PostById { get; }

        public SqliteParameter Id { get; }

        /// <summary>
        /// The statement <paramref name="key"/> names, prepared on this connection on its first use with the SQL
        /// <paramref name="sqlOf"/> gives and a parameter of each name and type in <paramref name="parameters"/>
        /// (a statement binds the ones it names and leaves the others).
        /// </summary>
        public SqliteCommand Prepared<TKey>(TKey key, Func<TKey, string> sqlOf, ReadOnlySpan<(string Name, SqliteType Type)> parameters)
            where TKey : notnull
        {
            if (!prepared.TryGetValue(key, out var command))
            {
                command = Connection.CreateCommand();
                command.CommandText = sqlOf(key);
                foreach (var (name, type) in parameters)
                {
                    command.Parameters.Add(name, type);
                }

                command.Prepare();
                prepared.Add(key, command);
            }

            return command;
        }

        public void Dispose()
        {
            foreach (var command in prepared.Values)
            {
                command.Dispose();
            }

            PostById.Dispose();
            Connection.Dispose();
        }
    }
}
