using Blog.Domain.Users;

namespace Blog.Infrastructure.Users;

/// <summary>A user by name: every Basic sign-in and every <c>?author=</c> list starts with it.</summary>
internal interface IUserLookup
{
    Task<User?> FindByNormalizedNameAsync(string normalizedUsername, CancellationToken cancellationToken);
}
