using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Blog.Tests.Reliability;

/// <summary>
/// Seeds posts of everyday English words straight into the service's file (plain INSERTs into its own Posts table, so
/// the search index's triggers fire as for the service's own), newest last, by one registered author. Common words
/// make every trigram of a text like "the the the" common, which is what makes such a search expensive.
/// </summary>
public static class EnglishPosts
{
    private static readonly string[] Words = """
        the of and to a in is it you that he was for on are with as his they be at one have this from or had by
        hot word but what some we can out other were all there when up use your how said an each she which do their
        time if will way about many then them write would like so these her long make thing see him two has look more
        day could go come did number sound no most people my over know water than call first who may down side been
        now find
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Posts per transaction: a million in one would leave a WAL the size of the database.</summary>
    private const int Batch = 50_000;

    /// <summary>Inserts <paramref name="count"/> posts of about 100 words; returns their ids.</summary>
    public static List<Guid> Seed(string databasePath, string username, int count, int seed = 20_261_121)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        var transaction = connection.BeginTransaction();
        using var author = connection.CreateCommand();
        author.CommandText = "SELECT Id, Username FROM Users WHERE NormalizedUsername = $name";
        author.Parameters.AddWithValue("$name", username.ToUpperInvariant());
        string authorId, authorName;
        using (var reader = author.ExecuteReader())
        {
            Assert.That(reader.Read(), Is.True, $"user {username} is not registered");
            (authorId, authorName) = (reader.GetString(0), reader.GetString(1));
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO Posts (Id, Title, Body, Tags, AuthorId, AuthorName, PostedDate, UpdatedDate, PublishedDate, ListedDate, CommentCount, Version)
            VALUES ($id, $title, $body, '', $authorId, $authorName, $date, $date, $date, $date, 0, 1)
            """;
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var title = insert.Parameters.Add("$title", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        insert.Parameters.AddWithValue("$authorId", authorId);
        insert.Parameters.AddWithValue("$authorName", authorName);
        var date = insert.Parameters.Add("$date", SqliteType.Integer);
        insert.Prepare();

        var random = new Random(seed);
        var start = DateTimeOffset.UtcNow.AddMinutes(-count - 60);
        var ids = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            var posted = start.AddMinutes(i);
            var postId = Guid.CreateVersion7(posted);
            id.Value = postId.ToString("D").ToUpperInvariant();
            title.Value = Sentence(random, 6);
            body.Value = Sentence(random, 100);
            date.Value = posted.ToUnixTimeMilliseconds();
            insert.ExecuteNonQuery();
            ids.Add(postId);
            if ((i + 1) % Batch == 0)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
            }
        }

        using var postCounts = connection.CreateCommand();
        postCounts.Transaction = transaction;
        postCounts.CommandText = "UPDATE Users SET PostCount = (SELECT COUNT(*) FROM Posts WHERE Posts.AuthorId = Users.Id)";
        postCounts.ExecuteNonQuery();
        transaction.Commit();
        transaction.Dispose();
        return ids;
    }

    private static string Sentence(Random random, int words)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            text.Append(i == 0 ? string.Empty : " ").Append(Words[random.Next(Words.Length)]);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(text[0])}{text.ToString(1, text.Length - 1)}.");
    }
}
