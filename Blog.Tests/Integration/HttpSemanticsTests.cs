using System.Net;

namespace Blog.Tests.Integration;

public sealed class ContentNegotiation : IntegrationTest
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

public sealed class MethodSemantics : IntegrationTest
{
    [TestCase("/")]
    [TestCase("/posts")]
    [TestCase("/users")]
    public async Task HeadSendsGetsHeadersWithoutABody(string url)
    {
        using var get = await Client.Http.GetAsync(url);
        using var head = await Client.SendAsync(HttpMethod.Head, url);

        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await head.Content.ReadAsByteArrayAsync(), Is.Empty);
        Assert.That(head.Content.Headers.ContentType, Is.EqualTo(get.Content.Headers.ContentType));
    }

    [Test]
    public async Task HeadOnAPostCarriesItsETag()
    {
        var user = await Client.RegisterAsync();
        using var created = await Client.CreatePostResponseAsync(user);

        using var head = await Client.SendAsync(HttpMethod.Head, created.Headers.Location!.ToString());

        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(head.Headers.ETag, Is.EqualTo(created.Headers.ETag));
    }

    [TestCase("/posts", new[] { "GET", "HEAD", "POST", "OPTIONS" })]
    [TestCase("/users", new[] { "GET", "HEAD", "POST", "OPTIONS" })]
    public async Task OptionsIs204WithAllow(string url, string[] allowed)
    {
        using var response = await Client.SendAsync(HttpMethod.Options, url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(allowed));
    }

    [Test]
    public async Task OptionsOnAPostListsItsMethods()
    {
        var user = await Client.RegisterAsync();
        using var created = await Client.CreatePostResponseAsync(user);

        using var response = await Client.SendAsync(HttpMethod.Options, created.Headers.Location!.ToString());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS" }));
    }

    [Test]
    public async Task EveryResponseForbidsSniffing()
    {
        using var ok = await Client.Http.GetAsync("/");
        using var notFound = await Client.Http.GetAsync("/nowhere");

        Assert.That(ok.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(notFound.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
    }
}
