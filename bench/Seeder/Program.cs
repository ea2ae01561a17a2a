using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

// Bulk-seeds posts into a database the service has already created and migrated, with the service stopped.
// Rows go in through plain prepared INSERTs into Posts, in big transactions, so that any trigger the product
// keeps on Posts (a full-text index, say) fires as it would for the service's own inserts. Values are stored
// exactly as EF Core stores them: Guids as upper-case canonical TEXT, dates as INTEGER Unix milliseconds.
//
//   Seeder --db PATH --posts N [--authors a,b,c] [--rare-author NAME] [--rare-count 100]
//          [--common-word WORD] [--rare-word WORD] [--batch 50000] [--step-ms 60000]
//
// Post i (0 = oldest) is dated end - (N - 1 - i) * step, where end is one hour before now, so posts created
// during the benchmark are the newest. Ids are UUIDv7 made from that date, so they increase with it.
// --rare-count posts, spread evenly over time, belong to --rare-author and contain --rare-word; every tenth
// post contains --common-word; the others go round-robin to --authors. The filler vocabulary has no w, x, y,
// z, j or q, so marker words spelled with any of those letters match only where they were put.
SQLitePCL.Batteries_V2.Init();

var options = Options.Parse(args);
var stopwatch = Stopwatch.StartNew();

using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
{
    DataSource = options.Database,
    Mode = SqliteOpenMode.ReadWrite,
    Pooling = false,
}.ToString());
connection.Open();

// Seeding is not what is measured: no fsync per batch, a big page cache. The file stays in WAL mode.
Execute(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");

var triggers = Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Posts' ORDER BY name");
Console.WriteLine(triggers.Count == 0
    ? "seeder: no triggers on Posts"
    : $"seeder: triggers on Posts (they fire for every row): {string.Join(", ", triggers)}");

var authors = options.Authors.Select(name => FindUser(connection, name)).ToArray();
var rareAuthor = FindUser(connection, options.RareAuthor);
var existing = Convert.ToInt64(Scalar(connection, "SELECT COUNT(*) FROM Posts"), CultureInfo.InvariantCulture);

var endMs = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds();
var firstMs = endMs - ((options.Posts - 1) * options.StepMs);
var rareStride = Math.Max(1, options.Posts / Math.Max(1, options.RareCount));
var text = new TextMaker(seed: 20261121);

using var insert = connection.CreateCommand();
insert.CommandText = """
    INSERT INTO Posts (Id, Title, Body, AuthorId, AuthorName, PostedDate, UpdatedDate, Version)
    VALUES ($id, $title, $body, $authorId, $authorName, $posted, $posted, 1)
    """;
var id = insert.Parameters.Add("$id", SqliteType.Text);
var title = insert.Parameters.Add("$title", SqliteType.Text);
var body = insert.Parameters.Add("$body", SqliteType.Text);
var authorId = insert.Parameters.Add("$authorId", SqliteType.Text);
var authorName = insert.Parameters.Add("$authorName", SqliteType.Text);
var posted = insert.Parameters.Add("$posted", SqliteType.Integer);

long rare = 0, common = 0, filler = 0;
var transaction = connection.BeginTransaction();
insert.Transaction = transaction;
insert.Prepare();
for (long i = 0; i < options.Posts; i++)
{
    var isRare = rare < options.RareCount && i % rareStride == rareStride / 2;
    var isCommon = i % 10 == 7;
    var author = isRare ? rareAuthor : authors[filler++ % authors.Length];
    var ms = firstMs + (i * options.StepMs);

    id.Value = FormatGuid(Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(ms)));
    title.Value = text.Title();
    body.Value = text.Body(isRare ? options.RareWord : null, isCommon ? options.CommonWord : null);
    authorId.Value = author.Id;
    authorName.Value = author.Name;
    posted.Value = ms;
    insert.ExecuteNonQuery();
    rare += isRare ? 1 : 0;
    common += isCommon ? 1 : 0;

    if ((i + 1) % options.Batch == 0)
    {
        transaction.Commit();
        transaction.Dispose();
        transaction = connection.BeginTransaction();
        insert.Transaction = transaction;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeder: {i + 1:N0} posts, {stopwatch.Elapsed.TotalSeconds:F1} s"));
    }
}

transaction.Commit();
transaction.Dispose();

// Each author's PostCount must equal their posts, as the service keeps it on every insert and delete.
Execute(connection, "UPDATE Users SET PostCount = (SELECT COUNT(*) FROM Posts WHERE Posts.AuthorId = Users.Id)");
Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");

var total = Convert.ToInt64(Scalar(connection, "SELECT COUNT(*) FROM Posts"), CultureInfo.InvariantCulture);
var counted = Convert.ToInt64(Scalar(connection, "SELECT SUM(PostCount) FROM Users"), CultureInfo.InvariantCulture);
if (counted != total)
{
    throw new InvalidOperationException($"Users.PostCount sums to {counted}, but Posts has {total} rows.");
}

var seconds = stopwatch.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"seeder: inserted {options.Posts:N0} posts ({existing:N0} were there) in {seconds:F1} s, {options.Posts / seconds:N0} rows/s; " +
    $"{rare} by {options.RareAuthor} with '{options.RareWord}', {common:N0} with '{options.CommonWord}'; Posts now {total:N0}"));
return 0;

static string FormatGuid(Guid guid) => guid.ToString("D").ToUpperInvariant();

static (string Id, string Name) FindUser(SqliteConnection connection, string username)
{
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT Id, Username FROM Users WHERE NormalizedUsername = $name";
    command.Parameters.AddWithValue("$name", username.ToUpperInvariant());
    using var reader = command.ExecuteReader();
    return reader.Read()
        ? (reader.GetString(0), reader.GetString(1))
        : throw new InvalidOperationException($"User '{username}' is not registered; register it through POST /users first.");
}

static void Execute(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

static object? Scalar(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    return command.ExecuteScalar();
}

static List<string> Strings(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    using var reader = command.ExecuteReader();
    var values = new List<string>();
    while (reader.Read())
    {
        values.Add(reader.GetString(0));
    }

    return values;
}

internal sealed record Options(
    string Database, long Posts, string[] Authors, string RareAuthor, int RareCount,
    string CommonWord, string RareWord, int Batch, long StepMs)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--name value' pairs, got '{args[i]}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        string Get(string name, string? fallback = null) =>
            values.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"--{name} is required.");

        return new Options(
            Get("db"),
            long.Parse(Get("posts"), CultureInfo.InvariantCulture),
            Get("authors", "bench").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Get("rare-author", "rarebird"),
            int.Parse(Get("rare-count", "100"), CultureInfo.InvariantCulture),
            Get("common-word", "wyvern"),
            Get("rare-word", "zyzzyva"),
            int.Parse(Get("batch", "50000"), CultureInfo.InvariantCulture),
            long.Parse(Get("step-ms", "60000"), CultureInfo.InvariantCulture));
    }
}

/// <summary>Deterministic filler text from a vocabulary without w, x, y, z, j or q.</summary>
internal sealed class TextMaker
{
    private const string Consonants = "bcdfghklmnprstv";
    private const string Vowels = "aeiou";

    private readonly Random random;
    private readonly string[] words;
    private readonly StringBuilder builder = new(1024);

    public TextMaker(int seed)
    {
        random = new Random(seed);
        words = new string[4096];
        for (var i = 0; i < words.Length; i++)
        {
            var syllables = 1 + random.Next(3);
            var word = new StringBuilder();
            for (var s = 0; s < syllables; s++)
            {
                word.Append(Consonants[random.Next(Consonants.Length)]).Append(Vowels[random.Next(Vowels.Length)]);
                if (random.Next(3) == 0)
                {
                    word.Append(Consonants[random.Next(Consonants.Length)]);
                }
            }

            words[i] = word.ToString();
        }
    }

    public string Title()
    {
        builder.Clear();
        var count = 3 + random.Next(6);
        for (var i = 0; i < count; i++)
        {
            var word = Word();
            if (i == 0)
            {
                builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            }
            else
            {
                builder.Append(' ').Append(word);
            }
        }

        return builder.ToString();
    }

    /// <summary>About 60–120 words (roughly 400–800 characters), with the marker words at random places.</summary>
    public string Body(string? marker1, string? marker2)
    {
        builder.Clear();
        var count = 60 + random.Next(61);
        var at1 = marker1 is null ? -1 : random.Next(count);
        var at2 = marker2 is null ? -1 : random.Next(count);
        if (at2 >= 0 && at2 == at1)
        {
            at2 = (at1 + 1) % count;
        }

        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(i % 12 == 0 ? ". " : " ");
            }

            builder.Append(i == at1 ? marker1 : i == at2 ? marker2 : Word());
        }

        return builder.Append('.').ToString();
    }

    private string Word() => words[random.Next(words.Length)];
}
