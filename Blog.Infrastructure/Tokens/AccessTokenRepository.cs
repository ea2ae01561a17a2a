using Blog.Domain.Paging;
using Blog.Domain.Tokens;
using Blog.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Blog.Infrastructure.Tokens;

internal sealed class AccessTokenRepository(BlogDbContext db, IWriteTurns writeTurns, CompiledQueries queries) : IAccessTokenRepository
{
    public async Task AddAsync(AccessToken token, CancellationToken cancellationToken)
    {
        await using var turn = await writeTurns.TakeAsync(cancellationToken);
        var entry = db.AccessTokens.Add(token);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            entry.State = EntityState.Detached;
        }
    }

    public Task<AccessToken?> FindBySecretHashAsync(byte[] secretHash, CancellationToken cancellationToken) =>
        queries.TokenBySecretHash(db, secretHash, cancellationToken);

    public Task<AccessToken?> FindAsync(Guid userId, Guid id, CancellationToken cancellationToken) =>
        db.AccessTokens.AsNoTracking().FirstOrDefaultAsync(token => token.Id == id && token.UserId == userId, cancellationToken);

    public Task<KeysetSlice<AccessToken>> GetSliceAsync(Guid userId, PageCursor? cursor, int take, CancellationToken cancellationToken) =>
        db.AccessTokens.AsNoTracking().Where(token => token.UserId == userId)
            .ReadSliceAsync(nameof(AccessToken.CreatedDate), cursor, take, cancellationToken);

    public Task<int> CountAsync(Guid userId, CancellationToken cancellationToken) =>
        db.AccessTokens.CountAsync(token => token.UserId == userId, cancellationToken);

    public async Task<bool> TryDeleteAsync(Guid userId, Guid id, CancellationToken cancellationToken)
    {
        await using var turn = await writeTurns.TakeAsync(cancellationToken);
        return await db.AccessTokens.Where(token => token.Id == id && token.UserId == userId).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    public async Task RecordUseAsync(AccessToken token, CancellationToken cancellationToken)
    {
        await using var turn = await writeTurns.TakeAsync(cancellationToken);
        await db.AccessTokens.Where(stored => stored.Id == token.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(stored => stored.LastUsedDate, token.LastUsedDate), cancellationToken);
    }
}
