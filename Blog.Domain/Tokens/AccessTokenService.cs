using Blog.Domain.Errors;
using Blog.Domain.Paging;
using Blog.Domain.Text;

namespace Blog.Domain.Tokens;

/// <summary>Every rule about personal access tokens: how one is issued, whose it is, and when it signs a request in.</summary>
public sealed class AccessTokenService(IAccessTokenRepository tokens, TimeProvider time)
{
    private const string NameField = "name";
    private const string ExpiresInDaysField = "expiresInDays";

    /// <summary>Issues a token to <paramref name="owner"/>; the secret is in the result and nowhere else.</summary>
    public async Task<IssuedAccessToken> IssueAsync(Actor owner, string name, IReadOnlyCollection<string?> scopeNames, int expiresInDays, CancellationToken cancellationToken)
    {
        if (UnicodeText.IsBlank(name) || UnicodeText.HasControlCharacter(name) || UnicodeText.CharacterCount(name) > AccessToken.NameMaxLength)
        {
            throw ValidationException.For(
                NameField, $"A token's name has a visible character, no control characters, and at most {AccessToken.NameMaxLength} characters.");
        }

        var scopes = AccessTokenScopeNames.Parse(scopeNames);
        if (expiresInDays is < AccessToken.MinLifetimeDays or > AccessToken.MaxLifetimeDays)
        {
            throw ValidationException.For(ExpiresInDaysField, $"A token expires in {AccessToken.MinLifetimeDays} to {AccessToken.MaxLifetimeDays} days.");
        }

        var secret = AccessTokenSecret.Generate();
        var token = AccessToken.Issue(owner, name, scopes, AccessTokenSecret.Hash(secret), expiresInDays, time.GetUtcNow());
        await tokens.AddAsync(token, cancellationToken);
        return new IssuedAccessToken(token, secret);
    }

    public async Task<AccessToken> GetAsync(Actor owner, Guid id, CancellationToken cancellationToken) =>
        await tokens.FindAsync(owner.UserId, id, cancellationToken) ?? throw NotFound(id);

    public async Task<Page<AccessToken>> ListAsync(Actor owner, PageRequest request, CancellationToken cancellationToken)
    {
        var slice = await tokens.GetSliceAsync(owner.UserId, request.Cursor, request.Size + 1, cancellationToken);
        var total = await tokens.CountAsync(owner.UserId, cancellationToken);
        return KeysetPaging.ToPage(slice, request, total, token => (token.CreatedDate, token.Id));
    }

    /// <summary>Deletes the token, so the very next request that presents it is refused; another user's token is not found.</summary>
    public async Task RevokeAsync(Actor owner, Guid id, CancellationToken cancellationToken)
    {
        if (!await tokens.TryDeleteAsync(owner.UserId, id, cancellationToken))
        {
            throw NotFound(id);
        }
    }

    /// <summary>Who a presented secret signs in, with what scopes; null for a malformed, unknown, revoked or expired one.</summary>
    /// <remarks>
    /// There is deliberately no cache in front of the look-up: a revoked token must be refused by the next request on
    /// every instance, and any cache in one process would keep it alive there until the entry expired. The look-up
    /// is one read of a unique index, cheaper than the PBKDF2 a password costs.
    /// </remarks>
    public async Task<TokenSignIn?> SignInAsync(string secret, CancellationToken cancellationToken)
    {
        if (!AccessTokenSecret.IsWellFormed(secret))
        {
            return null;
        }

        var token = await tokens.FindBySecretHashAsync(AccessTokenSecret.Hash(secret), cancellationToken);
        var now = time.GetUtcNow();
        if (token is null || token.HasExpired(now))
        {
            return null;
        }

        if (token.RecordUse(now))
        {
            await tokens.RecordUseAsync(token, cancellationToken);
        }

        return new TokenSignIn(new Actor(token.UserId, token.OwnerName), token.Scopes);
    }

    private static NotFoundException NotFound(Guid id) => new($"You have no access token with id {id}.");
}

/// <summary>A newly issued token and its secret, which is shown to its owner this once and never stored.</summary>
public sealed record IssuedAccessToken(AccessToken Token, string Secret);

/// <summary>The user a token signs in, and what the token allows.</summary>
public sealed record TokenSignIn(Actor Owner, AccessTokenScopes Scopes);
