using Blog.Domain.Errors;
using Blog.Domain.Paging;

namespace Blog.Domain.Users;

public sealed class UserService(IUserRepository users, IPasswordHasher hasher, TimeProvider time)
{
    public async Task<User> RegisterAsync(string username, string password, string? displayName, CancellationToken cancellationToken)
    {
        var user = User.Register(username, displayName, hasher.Hash(password), time.GetUtcNow());
        if (!await users.TryAddAsync(user, cancellationToken))
        {
            throw new ConflictException($"The username '{username}' is already taken.");
        }

        return user;
    }

    /// <summary>The user as readers see them: <see cref="User.PostCount"/> counts public posts only.</summary>
    public async Task<User> GetAsync(string? username, CancellationToken cancellationToken)
    {
        var user = (string.IsNullOrWhiteSpace(username) ? null : await users.FindByUsernameAsync(username, cancellationToken))
            ?? throw new NotFoundException($"There is no user named '{username}'.");
        await ExcludeWaitingPostsAsync([user], cancellationToken);
        return user;
    }

    public async Task<Page<User>> ListAsync(PageRequest request, CancellationToken cancellationToken)
    {
        var slice = await users.GetSliceAsync(request.Cursor, request.Size + 1, cancellationToken);
        var total = await users.CountAsync(cancellationToken);
        await ExcludeWaitingPostsAsync(slice.Items, cancellationToken);
        return KeysetPaging.ToPage(slice, request, total, user => (user.JoinedDate, user.Id));
    }

    /// <summary>The user these credentials belong to, or null: an unknown name and a wrong password look the same.</summary>
    public async Task<User?> SignInAsync(string username, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByUsernameAsync(username, cancellationToken);
        switch (hasher.Verify(user?.PasswordHash, password))
        {
            case PasswordCheck.Success when user is not null:
                return user;
            case PasswordCheck.SuccessRehashNeeded when user is not null:
                user.UpgradePasswordHash(hasher.Hash(password));
                await users.UpdatePasswordHashAsync(user, cancellationToken);
                return user;
            default:
                return null;
        }
    }

    private async Task ExcludeWaitingPostsAsync(IReadOnlyList<User> shown, CancellationToken cancellationToken)
    {
        var waiting = await users.CountWaitingPostsAsync(shown.Select(user => user.Id).ToArray(), time.GetUtcNow().UtcDateTime, cancellationToken);
        foreach (var user in shown)
        {
            user.ExcludeWaitingPosts(waiting.GetValueOrDefault(user.Id));
        }
    }
}
