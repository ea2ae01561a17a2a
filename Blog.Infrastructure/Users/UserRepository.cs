using Blog.Domain.Paging;
using Blog.Domain.Users;
using Blog.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Blog.Infrastructure.Users;

internal sealed class UserRepository(BlogDbContext db, IWriteTurns writeTurns, IUserLookup lookup) : IUserRepository
{
    /// <remarks>
    /// A name no user can have (a path segment, an <c>author</c> filter or a Basic username can be any text) is found
    /// without asking the database, which may refuse the text itself: PostgreSQL rejects a NUL character.
    /// </remarks>
    public Task<User?> FindByUsernameAsync(string username, CancellationToken cancellationToken) =>
        User.UsernamePattern().IsMatch(username)
            ? lookup.FindByNormalizedNameAsync(User.Normalize(username), cancellationToken)
            : Task.FromResult<User?>(null);

    public Task<KeysetSlice<User>> GetSliceAsync(PageCursor? cursor, int take, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().ReadSliceAsync(nameof(User.JoinedDate), cursor, take, cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken) => db.Users.CountAsync(cancellationToken);

    /// <summary>Only scheduled posts are read, through the PublishedDate index: usually none at all.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> CountWaitingPostsAsync(
        IReadOnlyCollection<Guid> authorIds, DateTime now, CancellationToken cancellationToken) =>
        await db.Posts.WaitingAt(now).Where(post => authorIds.Contains(post.AuthorId))
            .GroupBy(post => post.AuthorId)
            .Select(group => new { AuthorId = group.Key, Count = group.Count() })
            .ToDictionaryAsync(group => group.AuthorId, group => group.Count, cancellationToken);

    public async Task<bool> TryAddAsync(User user, CancellationToken cancellationToken)
    {
        await using var turn = await writeTurns.TakeAsync(cancellationToken);
        var entry = db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return false;
        }
        finally
        {
            entry.State = EntityState.Detached;
        }
    }

    public async Task UpdatePasswordHashAsync(User user, CancellationToken cancellationToken)
    {
        await using var turn = await writeTurns.TakeAsync(cancellationToken);
        await db.Users.Where(stored => stored.Id == user.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(stored => stored.PasswordHash, user.PasswordHash), cancellationToken);
    }
}
