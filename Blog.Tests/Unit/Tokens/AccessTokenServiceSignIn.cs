using Blog.Domain.Tokens;
using Moq;

namespace Blog.Tests.Unit.Tokens;

public sealed class AccessTokenServiceSignIn : AccessTokenServiceTestBase
{
    [Test]
    public async Task SignsInTheOwnerWithTheTokensScopesFoundByTheHashOfTheSecret()
    {
        var (token, secret) = StoredToken(AccessTokenScopes.Read | AccessTokenScopes.Write);
        Tokens.Setup(repository => repository.FindBySecretHashAsync(token.SecretHash, It.IsAny<CancellationToken>())).ReturnsAsync(token);

        var signIn = await Service.SignInAsync(secret, CancellationToken.None);

        Assert.That(signIn, Is.EqualTo(new TokenSignIn(Owner, AccessTokenScopes.Read | AccessTokenScopes.Write)));
    }

    [Test]
    public async Task RefusesAnUnknownSecret()
    {
        Tokens.Setup(repository => repository.FindBySecretHashAsync(It.IsAny<byte[]>(), It.IsAny<CancellationToken>())).ReturnsAsync((AccessToken?)null);

        var signIn = await Service.SignInAsync(AccessTokenSecret.Generate(), CancellationToken.None);

        Assert.That(signIn, Is.Null);
    }

    [TestCase("")]
    [TestCase("abc")]
    [TestCase("blog_")]
    [TestCase("blog_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("blog_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("blog_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+A")]
    [TestCase("gh_p_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task RefusesASecretOfTheWrongShapeWithoutALookUp(string secret)
    {
        var signIn = await Service.SignInAsync(secret, CancellationToken.None);

        Assert.That(signIn, Is.Null);
        Tokens.Verify(repository => repository.FindBySecretHashAsync(It.IsAny<byte[]>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task WorksUntilTheInstantItExpiresAndNotFromThen()
    {
        var (token, secret) = StoredToken(lifetimeDays: 1);
        Tokens.Setup(repository => repository.FindBySecretHashAsync(token.SecretHash, It.IsAny<CancellationToken>())).ReturnsAsync(token);

        Clock.Now = Now.AddDays(1).AddMilliseconds(-1);
        var justBefore = await Service.SignInAsync(secret, CancellationToken.None);
        Clock.Now = Now.AddDays(1);
        var atExpiry = await Service.SignInAsync(secret, CancellationToken.None);

        Assert.That(justBefore, Is.Not.Null);
        Assert.That(atExpiry, Is.Null);
    }

    [Test]
    public async Task RecordsTheFirstUse()
    {
        var (token, secret) = StoredToken();
        Tokens.Setup(repository => repository.FindBySecretHashAsync(token.SecretHash, It.IsAny<CancellationToken>())).ReturnsAsync(token);

        await Service.SignInAsync(secret, CancellationToken.None);

        Tokens.Verify(repository => repository.RecordUseAsync(It.Is<AccessToken>(used => used.Id == token.Id && used.LastUsedDate == Now.UtcDateTime), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task WritesNoUseWithinAMinuteOfTheLastOneRecorded()
    {
        var (token, secret) = StoredToken();
        token.RecordUse(Now);
        Tokens.Setup(repository => repository.FindBySecretHashAsync(token.SecretHash, It.IsAny<CancellationToken>())).ReturnsAsync(token);
        Clock.Now = Now.AddSeconds(59);

        var signIn = await Service.SignInAsync(secret, CancellationToken.None);

        Assert.That(signIn, Is.Not.Null);
        Tokens.Verify(repository => repository.RecordUseAsync(It.IsAny<AccessToken>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task RecordsAUseOnceTheLastOneRecordedIsAMinuteOld()
    {
        var (token, secret) = StoredToken();
        token.RecordUse(Now);
        Tokens.Setup(repository => repository.FindBySecretHashAsync(token.SecretHash, It.IsAny<CancellationToken>())).ReturnsAsync(token);
        Clock.Now = Now.AddMinutes(1);

        await Service.SignInAsync(secret, CancellationToken.None);

        Tokens.Verify(repository => repository.RecordUseAsync(It.Is<AccessToken>(used => used.LastUsedDate == Now.AddMinutes(1).UtcDateTime), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task RecordsNoUseOfAnExpiredToken()
    {
        var (token, secret) = StoredToken(lifetimeDays: 1);
        Tokens.Setup(repository => repository.FindBySecretHashAsync(token.SecretHash, It.IsAny<CancellationToken>())).ReturnsAsync(token);
        Clock.Now = Now.AddDays(2);

        await Service.SignInAsync(secret, CancellationToken.None);

        Tokens.Verify(repository => repository.RecordUseAsync(It.IsAny<AccessToken>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
