using System.Net;
using Blog.Domain.Posts;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Blog.Tests.Integration;

public sealed class UnexpectedFailure
{
    [Test]
    public async Task Is500ProblemWithATraceIdAndNothingInternal()
    {
        var posts = new Mock<IPostRepository>();
        posts.Setup(p => p.FindAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("SQLite Error 1: 'no such column: Secret' in SELECT Secret FROM Posts"));
        using var factory = new BlogApiFactory();
        using var http = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddScoped(_ => posts.Object))).CreateClient();

        using var response = await http.GetAsync($"/posts/{Guid.CreateVersion7()}");
        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.InternalServerError);
        CacheHeaders.AssertNeverStored(response, credentials: false);

        var text = problem.ToJsonString();
        Assert.That(text, Does.Not.Contain("Secret").And.Not.Contain("SELECT").And.Not.Contain("InvalidOperationException").And.Not.Contain("   at "));
    }
}
