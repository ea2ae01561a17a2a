using System.Text.RegularExpressions;

namespace Blog.Domain.Users;

public sealed partial class User
{
    public const int UsernameMinLength = 3;
    public const int UsernameMaxLength = 32;
    public const int PasswordMinLength = 8;
    public const int PasswordMaxLength = 128;
    public const int DisplayNameMaxLength = 100;

    private User(Guid id, string username, string? displayName, string passwordHash, DateTime joinedDate)
    {
        Id = id;
        Username = username;
        NormalizedUsername = Normalize(username);
        DisplayName = displayName;
        PasswordHash = passwordHash;
        JoinedDate = joinedDate;
    }

    public Guid Id { get; private set; }

    /// <summary>As the user wrote it at registration.</summary>
    public string Username { get; private set; }

    /// <summary>The case-insensitive key that makes usernames unique and finds them.</summary>
    public string NormalizedUsername { get; private set; }

    public string? DisplayName { get; private set; }

    public string PasswordHash { get; private set; }

    public DateTime JoinedDate { get; private set; }

    /// <summary>
    /// Published posts, scheduled ones included (readers subtract those still waiting for their instant); kept by the
    /// repository in the transaction of each write that publishes, unpublishes, creates or deletes one.
    /// </summary>
    public int PostCount { get; private set; }

    /// <summary>
    /// Makes <see cref="PostCount"/> what readers see, without the posts still waiting for their instant. Only on a copy
    /// read for display: the stored count is never written from it.
    /// </summary>
    public void ExcludeWaitingPosts(int waiting) => PostCount -= waiting;

    public Actor AsActor() => new(Id, Username);

    /// <summary>A user as it was stored.</summary>
    public static User Restore(Guid id, string username, string? displayName, string passwordHash, DateTime joinedDate, int postCount) =>
        new(id, username, displayName, passwordHash, joinedDate) { PostCount = postCount };

    public static User Register(string username, string? displayName, string passwordHash, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), username, displayName, passwordHash, Clock.Truncate(now));

    /// <summary>
    /// What a username is: 3 to 32 ASCII letters, digits, '_' or '-'. (<c>\z</c>, not <c>$</c>: <c>$</c> would also match
    /// before a final newline.)
    /// </summary>
    [GeneratedRegex(@"^[A-Za-z0-9_-]{3,32}\z")]
    public static partial Regex UsernamePattern();

    /// <summary>Usernames are ASCII, so upper-casing them invariantly is a complete case fold.</summary>
    public static string Normalize(string username) => username.ToUpperInvariant();

    public void UpgradePasswordHash(string passwordHash) => PasswordHash = passwordHash;
}
