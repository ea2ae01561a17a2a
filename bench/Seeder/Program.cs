using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

// Bulk-seeds posts, their tags and comments into a database the service has already created and migrated, with the
// service stopped: a SQLite file (--db) or a PostgreSQL database (--postgres). Both get the same posts (the same text
// from the same seed, the same authors, tags and comments, dates one step apart), stored exactly as the service
// stores them, with the counts it keeps beside them; see SqliteTarget and PostgresTarget for how each is written.
//
//   Seeder (--db PATH | --postgres CONNECTION-STRING) --posts N [--authors a,b,c] [--rare-author NAME]
//          [--rare-count 100] [--common-word WORD] [--rare-word WORD] [--rare-tag NAME] [--common-tag NAME]
//          [--tags 1000] [--busy-comments 200] [--comments-every 20] [--batch 50000] [--step-ms 60000]
//          [--summary PATH]
//
// Post i (0 = oldest) is dated end - (N - 1 - i) * step, where end is one hour before now, so posts created
// during the benchmark are the newest. Every post is published at that date (PublishedDate = ListedDate =
// PostedDate). Ids are UUIDv7 made from that date, so they increase with it.
// --rare-count posts, spread evenly over time, belong to --rare-author and contain --rare-word; every tenth
// post contains --common-word; the others go round-robin to --authors. The filler vocabulary has no w, x, y,
// z, j or q, so marker words spelled with any of those letters match only where they were put.
// Tags: each post has 0-3 names drawn evenly from a vocabulary of --tags names (from the same letters), and
// --common-tag on every tenth post (other posts than --common-word's) and --rare-tag on --rare-count posts
// spread evenly over time (other posts than the rare author's, unless N is under 4 * --rare-count).
// Comments: the post at a third of the timeline has --busy-comments; every --comments-every-th other post has 1-5;
// their authors go round-robin over --authors, one second apart from one second after the post.
// --summary writes what was seeded as JSON (the counts the run checks through the API, the busy post's id).
var options = Options.Parse(args);
var stopwatch = Stopwatch.StartNew();

var result = options.Postgres is { } connectionString
    ? PostgresTarget.Seed(connectionString, options, stopwatch)
    : SqliteTarget.Seed(options.Database ?? throw new ArgumentException("--db or --postgres is required."), options, stopwatch);

if (options.Summary is { } summaryPath)
{
    File.WriteAllText(summaryPath, JsonSerializer.Serialize(result, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
}

var seconds = stopwatch.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"seeder: inserted {options.Posts:N0} posts ({result.Existing:N0} were there) in {seconds:F1} s, {options.Posts / seconds:N0} rows/s; " +
    $"{result.Rare} by {options.RareAuthor} with '{options.RareWord}', {result.Common:N0} with '{options.CommonWord}'; " +
    $"tags: {result.RareTag} '{options.RareTag}', {result.CommonTag:N0} '{options.CommonTag}', {result.PostTags:N0} in all; " +
    $"comments: {result.Comments:N0}, {result.BusyComments} on {result.BusyPostId:D}; Posts now {result.Total:N0}"));
return 0;

/// <summary>What was seeded (counts of this run's posts; <see cref="Total"/> is the table's): the run checks them through the API.</summary>
internal sealed record SeedResult(
    long Existing, long Rare, long Common, long RareTag, long CommonTag, long PostTags, long Comments, Guid BusyPostId, int BusyComments,
    long Total);

/// <summary>One post to insert; <typeparamref name="TAuthor"/> is however the target identifies a user.</summary>
internal sealed record SeedPost<TAuthor>(
    Guid Id, string Title, string Body, TAuthor Author, long PostedMs, string[] Tags, IReadOnlyList<SeedComment<TAuthor>> Comments,
    bool IsRare, bool IsCommon, bool IsRareTag, bool IsCommonTag)
{
    /// <summary>Posts.Tags as the service stores it: the names separated by single spaces, '' for none.</summary>
    public string StoredTags => string.Join(' ', Tags);

    /// <summary>One more for each comment, as the service's Version grows with every change of the comment count.</summary>
    public long Version => 1 + Comments.Count;
}

internal sealed record SeedComment<TAuthor>(Guid Id, string Body, TAuthor Author, long PostedMs);

/// <summary>The posts to seed, oldest first: the same sequence whichever database they go to.</summary>
internal static class SeedPlan
{
    private const int MaxTagsPerPost = 3;
    private const int MaxComments = 5;

    public static IEnumerable<SeedPost<TAuthor>> Posts<TAuthor>(Options options, IReadOnlyList<TAuthor> authors, TAuthor rareAuthor)
    {
        var endMs = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds();
        var firstMs = endMs - ((options.Posts - 1) * options.StepMs);
        var rareStride = Math.Max(1, options.Posts / Math.Max(1, options.RareCount));
        var busy = options.Posts / 3;

        // The posts' text comes from the same generator as before tags and comments existed, so it is unchanged;
        // tags and comments have generators of their own.
        var text = new TextMaker(seed: 20261121);
        var vocabulary = TextMaker.Names(seed: 20261126, options.TagVocabulary);
        var tagRandom = new Random(20261126);
        var commentText = new TextMaker(seed: 20261127);
        var commentRandom = new Random(20261127);
        long rare = 0, rareTagged = 0, filler = 0, commenter = 0;
        for (long i = 0; i < options.Posts; i++)
        {
            var isRare = rare < options.RareCount && i % rareStride == rareStride / 2;
            var isCommon = i % 10 == 7;
            var isRareTag = rareTagged < options.RareCount && i % rareStride == rareStride / 4;
            var isCommonTag = i % 10 == 3;
            var author = isRare ? rareAuthor : authors[(int)(filler++ % authors.Count)];
            var ms = firstMs + (i * options.StepMs);
            rare += isRare ? 1 : 0;
            rareTagged += isRareTag ? 1 : 0;

            var tags = new List<string>(MaxTagsPerPost + 1);
            for (var count = tagRandom.Next(MaxTagsPerPost + 1); tags.Count < count;)
            {
                var name = vocabulary[tagRandom.Next(vocabulary.Length)];
                if (!tags.Contains(name))
                {
                    tags.Add(name);
                }
            }

            if (isCommonTag)
            {
                tags.Add(options.CommonTag);
            }

            if (isRareTag)
            {
                tags.Add(options.RareTag);
            }

            var commentCount = i == busy ? options.BusyComments
                : options.CommentsEvery > 0 && i % options.CommentsEvery == options.CommentsEvery / 2 ? 1 + commentRandom.Next(MaxComments)
                : 0;
            var comments = new SeedComment<TAuthor>[commentCount];
            for (var c = 0; c < commentCount; c++)
            {
                var commentMs = ms + ((c + 1) * 1000L);
                comments[c] = new SeedComment<TAuthor>(
                    Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(commentMs)),
                    commentText.Text(8, 40),
                    authors[(int)(commenter++ % authors.Count)],
                    commentMs);
            }

            yield return new SeedPost<TAuthor>(
                Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(ms)),
                text.Title(),
                text.Body(isRare ? options.RareWord : null, isCommon ? options.CommonWord : null),
                author,
                ms,
                [.. tags],
                comments,
                isRare,
                isCommon,
                isRareTag,
                isCommonTag);
        }
    }

    public static void Progress(long done, Stopwatch stopwatch) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeder: {done:N0} posts, {stopwatch.Elapsed.TotalSeconds:F1} s"));
}

/// <summary>What one target counted while writing the plan's posts.</summary>
internal sealed class SeedTally
{
    public long Rare { get; private set; }

    public long Common { get; private set; }

    public long RareTag { get; private set; }

    public long CommonTag { get; private set; }

    public long PostTags { get; private set; }

    public long Comments { get; private set; }

    public Guid BusyPostId { get; private set; }

    public int BusyComments { get; private set; }

    /// <summary>How many of the seeded (published) posts carry each tag: what Tags.PostCount grows by.</summary>
    public Dictionary<string, int> TagCounts { get; } = new(StringComparer.Ordinal);

    public void Add<TAuthor>(SeedPost<TAuthor> post)
    {
        Rare += post.IsRare ? 1 : 0;
        Common += post.IsCommon ? 1 : 0;
        RareTag += post.IsRareTag ? 1 : 0;
        CommonTag += post.IsCommonTag ? 1 : 0;
        PostTags += post.Tags.Length;
        Comments += post.Comments.Count;
        if (post.Comments.Count > BusyComments)
        {
            (BusyPostId, BusyComments) = (post.Id, post.Comments.Count);
        }

        foreach (var tag in post.Tags)
        {
            TagCounts[tag] = TagCounts.GetValueOrDefault(tag) + 1;
        }
    }

    public SeedResult Result(long existing, long total) =>
        new(existing, Rare, Common, RareTag, CommonTag, PostTags, Comments, BusyPostId, BusyComments, total);
}

/// <summary>
/// After seeding, the counts the service keeps must equal what they count, exactly as PostRepository keeps them: each
/// author's PostCount their published posts, each tag's PostCount the published posts carrying it (every seeded post is
/// published, and its instant has passed), each post's CommentCount its comments. The SQL is the same on both engines.
/// </summary>
internal static class SeedChecks
{
    public static void Run(Func<string, long> count, SeedTally tally, long postTagsBefore, long commentsBefore)
    {
        Expect(count("""
            SELECT COUNT(*) FROM "Users" u
            WHERE u."PostCount" <> (SELECT COUNT(*) FROM "Posts" p WHERE p."AuthorId" = u."Id" AND p."PublishedDate" IS NOT NULL)
            """), 0, "users whose PostCount is not their number of published posts");
        Expect(count("""SELECT COUNT(*) FROM "PostTags" """) - postTagsBefore, tally.PostTags, "PostTags rows written");
        Expect(count("""
            SELECT COUNT(*) FROM (
                SELECT pt."Name", COUNT(*) AS n FROM "PostTags" pt JOIN "Posts" p ON p."Id" = pt."PostId"
                WHERE p."PublishedDate" IS NOT NULL GROUP BY pt."Name") c
            LEFT JOIN "Tags" t ON t."Name" = c."Name"
            WHERE t."PostCount" IS NULL OR t."PostCount" <> c.n
            """), 0, "tags whose PostCount is not their number of published posts");
        Expect(count("""
            SELECT COUNT(*) FROM "Tags" t
            WHERE t."PostCount" <> 0 AND NOT EXISTS (
                SELECT 1 FROM "PostTags" pt JOIN "Posts" p ON p."Id" = pt."PostId" WHERE pt."Name" = t."Name" AND p."PublishedDate" IS NOT NULL)
            """), 0, "tags counted without a published post");
        Expect(count("""SELECT COUNT(*) FROM "Comments" """) - commentsBefore, tally.Comments, "Comments rows written");
        Expect(count("""SELECT COALESCE(SUM("CommentCount"), 0) FROM "Posts" """), count("""SELECT COUNT(*) FROM "Comments" """),
            "the sum of Posts.CommentCount (it must equal the number of comments)");
        Expect(count("""
            SELECT COUNT(*) FROM (SELECT "PostId", COUNT(*) AS n FROM "Comments" GROUP BY "PostId") c
            JOIN "Posts" p ON p."Id" = c."PostId" WHERE p."CommentCount" <> c.n
            """), 0, "posts whose CommentCount is not their number of comments");
    }

    private static void Expect(long actual, long expected, string what)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Seeding is inconsistent: {what}: {actual:N0}, expected {expected:N0}."));
        }
    }
}

internal sealed record Options(
    string? Database, string? Postgres, long Posts, string[] Authors, string RareAuthor, int RareCount,
    string CommonWord, string RareWord, string RareTag, string CommonTag, int TagVocabulary, int BusyComments, int CommentsEvery,
    int Batch, long StepMs, string? Summary)
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

        foreach (var tag in new[] { Get("rare-tag", "quokka"), Get("common-tag", "waxwing") })
        {
            if (tag.Length is 0 or > 32 || !tag.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                throw new ArgumentException($"'{tag}' is not a tag name: 1 to 32 of a-z, 0-9 and '-'.");
            }
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
            Get("rare-tag", "quokka"),
            Get("common-tag", "waxwing"),
            int.Parse(Get("tags", "1000"), CultureInfo.InvariantCulture),
            int.Parse(Get("busy-comments", "200"), CultureInfo.InvariantCulture),
            int.Parse(Get("comments-every", "20"), CultureInfo.InvariantCulture),
            int.Parse(Get("batch", "50000"), CultureInfo.InvariantCulture),
            long.Parse(Get("step-ms", "60000"), CultureInfo.InvariantCulture),
            values.GetValueOrDefault("summary"));
    }
}
