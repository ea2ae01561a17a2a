using Blog.Domain.Users;
using Blog.Infrastructure.Data;

namespace Blog.Infrastructure.Users;

/// <summary>A user by name through EF Core's compiled query, where a plain connection would gain nothing (PostgreSQL).</summary>
internal sealed class UserLookup(BlogDbContext db, CompiledQueries queries) : IUserLookup
{
    public Task<User?> FindByNormalizedNameAsync(string normalizedUsername, CancellationToken cancellationToken) =>
        queries.UserByNormalizedName(db, normalizedUsername, cancellationToken);
}
