using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class MethodSemantics(DatabaseProvider provider) : IntegrationTest(provider)
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
