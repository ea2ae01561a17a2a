using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class Errors(DatabaseProvider provider) : IntegrationTest(provider)
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
