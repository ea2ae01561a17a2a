using Blog.Domain.Errors;
using Moq;

namespace Blog.Tests.Unit.Tokens;

public sealed class AccessTokenServiceRevoke : AccessTokenServiceTestBase
{
    [Test]
    public async Task DeletesTheTokenOnlyAmongTheOwnersOwn()
    {
        var id = Guid.CreateVersion7();
        Tokens.Setup(repository => repository.TryDeleteAsync(Owner.UserId, id, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        await Service.RevokeAsync(Owner, id, CancellationToken.None);

        Tokens.Verify(repository => repository.TryDeleteAsync(Owner.UserId, id, It.IsAny<CancellationToken>()), Times.Once);
        Tokens.Verify(repository => repository.TryDeleteAsync(It.Is<Guid>(user => user != Owner.UserId), It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void ThrowsNotFoundForAnotherUsersOrAnAlreadyDeletedToken()
    {
        var id = Guid.CreateVersion7();
        Tokens.Setup(repository => repository.TryDeleteAsync(Owner.UserId, id, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var error = Assert.ThrowsAsync<NotFoundException>(() => Service.RevokeAsync(Owner, id, CancellationToken.None));

        Assert.That(error.Message, Does.Contain(id.ToString()));
    }
}
