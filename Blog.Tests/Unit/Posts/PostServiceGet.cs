using Blog.Domain.Errors;

namespace Blog.Tests.Unit.Posts;

public sealed class PostServiceGet : PostServiceTestBase
{
    [Test]
    public void ThrowsNotFoundGivenAnUnknownId()
    {
        var unknown = Guid.NewGuid();

        var error = Assert.ThrowsAsync<NotFoundException>(() => Service.GetAsync(unknown, null, CancellationToken.None));

        Assert.That(error.Message, Does.Contain(unknown.ToString()));
    }
}
