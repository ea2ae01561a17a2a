using Blog.Domain.Paging;
using Blog.Domain.Tokens;
using Moq;

namespace Blog.Tests.Unit.Tokens;

public sealed class AccessTokenServiceList : AccessTokenServiceTestBase
{
    [Test]
    public async Task ReadsOnlyTheOwnersTokensAndCountsThem()
    {
        var (token, _) = StoredToken();
        Tokens.Setup(repository => repository.GetSliceAsync(Owner.UserId, null, 21, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new KeysetSlice<AccessToken>([token], HasItemsBehindCursor: false));
        Tokens.Setup(repository => repository.CountAsync(Owner.UserId, It.IsAny<CancellationToken>())).ReturnsAsync(1);

        var page = await Service.ListAsync(Owner, new PageRequest(20, null), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Is.EqualTo(new[] { token }));
            Assert.That(page.TotalItems, Is.EqualTo(1));
            Assert.That(page.Next, Is.Null);
            Assert.That(page.Prev, Is.Null);
        });
    }
}
