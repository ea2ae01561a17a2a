using Blog.Domain.Tokens;
using Blog.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Blog.Infrastructure.Data;

/// <summary>
/// The queries run on every authenticated request, compiled once per running service. Not static: a compiled query
/// serves the one model it was compiled against, and each database provider has its own.
/// </summary>
internal sealed class CompiledQueries
{
    public Func<BlogDbContext, string, CancellationToken, Task<User?>> UserByNormalizedName { get; } =
        EF.CompileAsyncQuery((BlogDbContext context, string normalized, CancellationToken _) =>
            context.Users.AsNoTracking().FirstOrDefault(user => user.NormalizedUsername == normalized));

    public Func<BlogDbContext, byte[], CancellationToken, Task<AccessToken?>> TokenBySecretHash { get; } =
        EF.CompileAsyncQuery((BlogDbContext context, byte[] hash, CancellationToken _) =>
            context.AccessTokens.AsNoTracking().FirstOrDefault(token => token.SecretHash == hash));
}
