using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Blog.Infrastructure.Sqlite;

/// <summary>
/// Open connections to the blog's database, each with the post-by-id statement prepared once, for the hottest read.
/// </summary>
/// <remarks>
/// Through EF Core, every open of a pooled connection registers the provider's SQL functions again and every command is
/// parsed and planned again: for a read of one row by key, each costs more than the read. A reader here is used by one
/// request at a time and goes back to the bag; there are as many as requests ever read at once.
/// </remarks>
internal sealed class PreparedPostReads(string connectionString) : IDisposable
{
    private const string Columns = "Id, Title, Body, Tags, AuthorId, AuthorName, PostedDate, UpdatedDate, PublishedDate, CommentCount, Version";

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

    public void Dispose()
    {
        while (idle.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    internal sealed class Reader : IDisposable
    {
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

        public void Dispose()
        {
            PostById.Dispose();
            Connection.Dispose();
        }
    }
}
