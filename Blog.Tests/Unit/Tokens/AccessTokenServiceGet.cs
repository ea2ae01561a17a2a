using Blog.Domain.Errors;
using Blog.Domain.Tokens;
using Moq;

namespace Blog.Tests.Unit.Tokens;

public sealed class AccessTokenServiceGet : AccessTokenServiceTestBase
{
    [Test]
    public async Task ReturnsTheOwnersToken()
    {
        var (token, _) = StoredToken();
        Tokens.Setup(repository => repository.FindAsync(Owner.UserId, token.Id, It.IsAny<CancellationToken>())).ReturnsAsync(token);

        Assert.That(await Service.GetAsync(Owner, token.Id, CancellationToken.None), Is.SameAs(token));
    }

    [Test]
    public void ThrowsNotFoundForATokenThatIsNotTheOwners()
    {
        var id = Guid.CreateVersion7();
        Tokens.Setup(repository => repository.FindAsync(Owner.UserId, id, It.IsAny<CancellationToken>())).ReturnsAsync((AccessToken?)null);

        Assert.ThrowsAsync<NotFoundException>(() => Service.GetAsync(Owner, id, CancellationToken.None));
        Tokens.Verify(repository => repository.FindAsync(It.Is<Guid>(user => user != Owner.UserId), It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
