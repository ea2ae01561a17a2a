using Blog.Domain;
using Blog.Domain.Tokens;
using Moq;

namespace Blog.Tests.Unit.Tokens;

/// <summary>An <see cref="AccessTokenService"/> over a mocked repository and a clock the test moves.</summary>
public abstract class AccessTokenServiceTestBase
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, 123, TimeSpan.Zero);

    protected static readonly Actor Owner = new(Guid.CreateVersion7(), "rick");

    protected Mock<IAccessTokenRepository> Tokens { get; private set; } = null!;

    protected FakeTimeProvider Clock { get; private set; } = null!;

    protected AccessTokenService Service { get; private set; } = null!;

    [SetUp]
    public void SetUpService()
    {
        Tokens = new Mock<IAccessTokenRepository>();
        Clock = new FakeTimeProvider(Now);
        Service = new AccessTokenService(Tokens.Object, Clock);
    }

    /// <summary>A stored token of <see cref="Owner"/>'s, issued now, and the secret it was issued for.</summary>
    protected static (AccessToken Token, string Secret) StoredToken(AccessTokenScopes scopes = AccessTokenScopes.Read, int lifetimeDays = 30)
    {
        var secret = AccessTokenSecret.Generate();
        return (AccessToken.Issue(Owner, "ci", scopes, AccessTokenSecret.Hash(secret), lifetimeDays, Now), secret);
    }
}
