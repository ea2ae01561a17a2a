using System.Diagnostics;
using System.Globalization;

// Bulk-seeds posts into a database the service has already created and migrated, with the service stopped: a SQLite
// file (--db) or a PostgreSQL database (--postgres). Both get the same posts (the same text from the same seed, the
// same authors, dates one step apart), stored exactly as EF Core stores them; see SqliteTarget and PostgresTarget for
// how each is written.
//
//   Seeder (--db PATH | --postgres CONNECTION-STRING) --posts N [--authors a,b,c] [--rare-author NAME]
//          [--rare-count 100] [--common-word WORD] [--rare-word WORD] [--batch 50000] [--step-ms 60000]
//
// Post i (0 = oldest) is dated end - (N - 1 - i) * step, where end is one hour before now, so posts created
// during the benchmark are the newest. Ids are UUIDv7 made from that date, so they increase with it.
// --rare-count posts, spread evenly over time, belong to --rare-author and contain --rare-word; every tenth
// post contains --common-word; the others go round-robin to --authors. The filler vocabulary has no w, x, y,
// z, j or q, so marker words spelled with any of those letters match only where they were put.
var options = Options.Parse(args);
var stopwatch = Stopwatch.StartNew();

var result = options.Postgres is { } connectionString
    ? PostgresTarget.Seed(connectionString, options, stopwatch)
    : SqliteTarget.Seed(options.Database ?? throw new ArgumentException("--db or --postgres is required."), options, stopwatch);

var seconds = stopwatch.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"seeder: inserted {options.Posts:N0} posts ({result.Existing:N0} were there) in {seconds:F1} s, {options.Posts / seconds:N0} rows/s; " +
    $"{result.Rare} by {options.RareAuthor} with '{options.RareWord}', {result.Common:N0} with '{options.CommonWord}'; Posts now {result.Total:N0}"));
return 0;

internal sealed record SeedResult(long Existing, long Rare, long Common, long Total);

/// <summary>One post to insert; <typeparamref name="TAuthor"/> is however the target identifies a user.</summary>
internal readonly record struct SeedPost<TAuthor>(Guid Id, string Title, string Body, TAuthor Author, long PostedMs, bool IsRare, bool IsCommon);

/// <summary>The posts to seed, oldest first: the same sequence whichever database they go to.</summary>
internal static class SeedPlan
{
    public static IEnumerable<SeedPost<TAuthor>> Posts<TAuthor>(Options options, IReadOnlyList<TAuthor> authors, TAuthor rareAuthor)
    {
        var endMs = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds();
        var firstMs = endMs - ((options.Posts - 1) * options.StepMs);
        var rareStride = Math.Max(1, options.Posts / Math.Max(1, options.RareCount));
        var text = new TextMaker(seed: 20261121);
        long rare = 0, filler = 0;
        for (long i = 0; i < options.Posts; i++)
        {
            var isRare = rare < options.RareCount && i % rareStride == rareStride / 2;
            var isCommon = i % 10 == 7;
            var author = isRare ? rareAuthor : authors[(int)(filler++ % authors.Count)];
            var ms = firstMs + (i * options.StepMs);
            rare += isRare ? 1 : 0;
            yield return new SeedPost<TAuthor>(
                Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(ms)),
                text.Title(),
                text.Body(isRare ? options.RareWord : null, isCommon ? options.CommonWord : null),
                author,
                ms,
                isRare,
                isCommon);
        }
    }

    public static void Progress(long done, Stopwatch stopwatch) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeder: {done:N0} posts, {stopwatch.Elapsed.TotalSeconds:F1} s"));
}

internal sealed record Options(
    string? Database, string? Postgres, long Posts, string[] Authors, string RareAuthor, int RareCount,
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

        var database = values.GetValueOrDefault("db");
        var postgres = values.GetValueOrDefault("postgres");
        if ((database is null) == (postgres is null))
        {
            throw new ArgumentException("Give exactly one of --db (a SQLite file) and --postgres (an Npgsql connection string).");
        }

        return new Options(
            database,
            postgres,
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
