namespace Blog.Domain.Comments;

public sealed class Comment : IVersioned
{
    public const int BodyMaxLength = 10_000;

    private Comment(Guid id, Guid postId, string body, Guid authorId, string authorName, DateTime postedDate)
    {
        Id = id;
        PostId = postId;
        Body = body;
        AuthorId = authorId;
        AuthorName = authorName;
        PostedDate = postedDate;
        UpdatedDate = postedDate;
        Version = 1;
    }

    public Guid Id { get; private set; }

    public Guid PostId { get; private set; }

    public string Body { get; private set; }

    public Guid AuthorId { get; private set; }

    public string AuthorName { get; private set; }

    public DateTime PostedDate { get; private set; }

    public DateTime UpdatedDate { get; private set; }

    /// <summary>Grows by one on every change; the ETag is made from it.</summary>
    public long Version { get; private set; }

    public static Comment Create(Guid postId, string body, Actor author, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), postId, body, author.UserId, author.Username, Clock.Truncate(now));

    /// <summary>
    /// A digest that tells two creates apart (an Idempotency-Key's request): the post commented on and the body. The text
    /// it hashes starts with a word where a post's starts with a length (see <see cref="Posts.PostContent.Fingerprint"/>),
    /// so a key used for a post never replays as a comment, nor the other way round.
    /// </summary>
    public static string Fingerprint(Guid postId, string body) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"comment\n{postId:N}\n{body}")));

    /// <summary>Applies the body; false (and nothing changed) when it is what the comment already says.</summary>
    public bool Edit(string body, DateTimeOffset now)
    {
        if (body == Body)
        {
            return false;
        }

        Body = body;
        UpdatedDate = Clock.Truncate(now);
        Version++;
        return true;
    }
}
