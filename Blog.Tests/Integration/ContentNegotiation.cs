using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class ContentNegotiation(DatabaseProvider provider) : IntegrationTest(provider)
{
    [TestCase(null)]
    [TestCase("*/*")]
    [TestCase("application/*")]
    [TestCase("application/hal+json")]
    [TestCase("text/html,application/xhtml+xml,*/*;q=0.8")]
    public async Task ServesHalJson(string? accept)
    {
        using var response = await Client.SendAsync(HttpMethod.Get, "/posts", configure: r => Accept(r, accept));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("application/hal+json; charset=utf-8"));
    }

    [Test]
    public async Task ServesTheSameBodyAsJsonWhenAskedFor()
    {
        using var hal = await Client.Http.GetAsync("/");
        using var json = await Client.SendAsync(HttpMethod.Get, "/", configure: r => Accept(r, "application/json"));

        Assert.That(json.Content.Headers.ContentType!.ToString(), Is.EqualTo("application/json; charset=utf-8"));
        Assert.That(await json.Content.ReadAsStringAsync(), Is.EqualTo(await hal.Content.ReadAsStringAsync()));
    }

    [TestCase("application/xml")]
    [TestCase("text/csv")]
    public async Task Returns406ProblemWhenNoAcceptableTypeExists(string accept)
    {
        using var response = await Client.SendAsync(HttpMethod.Get, "/posts", configure: r => Accept(r, accept));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.NotAcceptable);
        Assert.That(response.Headers.ETag, Is.Null);
    }

    private static void Accept(HttpRequestMessage request, string? accept)
    {
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
    }
}
