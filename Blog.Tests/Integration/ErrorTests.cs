using System.Net;
using Blog.Domain.Posts;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Blog.Tests.Integration;

public sealed class Errors : IntegrationTest
{
    [Test]
    public async Task UnknownRouteIs404Problem()
    {
        using var response = await Client.Http.GetAsync("/no/such/thing");

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task KnownRouteWithAWrongMethodIs405ProblemWithAllow()
    {
        using var response = await Client.SendAsync(HttpMethod.Delete, "/posts");

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.That(response.Content.Headers.Allow, Is.SupersetOf(new[] { "GET", "HEAD", "POST", "OPTIONS" }));
    }

    [Test]
    public async Task ErrorsAreProblemJsonWhateverTheAcceptHeader()
    {
        using var response = await Client.SendAsync(HttpMethod.Get, $"/posts/{Guid.CreateVersion7()}", configure: r => r.Headers.Accept.ParseAdd("application/xml"));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }
}

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

        var text = problem.ToJsonString();
        Assert.That(text, Does.Not.Contain("Secret").And.Not.Contain("SELECT").And.Not.Contain("InvalidOperationException").And.Not.Contain("   at "));
    }
}
