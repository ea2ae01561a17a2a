namespace Blog.Domain.Users;

public interface IPasswordHasher
{
    string Hash(string password);

    /// <summary>
    /// Checks a password against a stored hash. With no hash (an unknown user) it still does the same work
    /// and fails, so that timing does not tell which usernames exist.
    /// </summary>
    PasswordCheck Verify(string? passwordHash, string password);
}

public enum PasswordCheck
{
    Failed,
    Success,

    /// <summary>Correct, but hashed with weaker settings than today's: store a new hash.</summary>
    SuccessRehashNeeded,
}
