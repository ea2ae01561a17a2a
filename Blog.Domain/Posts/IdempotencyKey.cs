using Blog.Domain.Errors;

namespace Blog.Domain.Posts;

/// <summary>A client's name for one create, so that retrying it is safe: 1 to 200 visible ASCII characters.</summary>
public sealed record IdempotencyKey
{
    public const int MaxLength = 200;
    public const string FieldName = "Idempotency-Key";

    /// <summary>How long a key is remembered; after that the same key starts a new create.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private IdempotencyKey(string value) => Value = value;

    public string Value { get; }

    /// <summary>Null when the client sent none; a <see cref="ValidationException"/> when it sent a bad one.</summary>
    public static IdempotencyKey? Parse(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length is 0 or > MaxLength || value.Any(c => c is < '!' or > '~'))
        {
            throw ValidationException.For(FieldName, $"An {FieldName} is 1 to {MaxLength} visible ASCII characters.");
        }

        return new IdempotencyKey(value);
    }
}

/// <summary>
/// What is remembered of a create made with an idempotency key: of a post or of a comment, in one table, so a user's key
/// names one create of either kind. <see cref="ResourceId"/> is the id of what it created; the fingerprints of the two
/// kinds never coincide (see <see cref="PostContent.Fingerprint"/> and <see cref="Comments.Comment.Fingerprint"/>), so a
/// record that matches a request's fingerprint names a resource of that request's kind.
/// </summary>
public sealed record IdempotencyRecord(Guid UserId, string Key, string Fingerprint, Guid ResourceId, DateTime CreatedAt);

/// <summary>The outcome of a create: the post, and whether it was made by an earlier request with the same key.</summary>
public sealed record CreateResult(Post Post, bool Replayed);
