using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class GetRoot(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task ReturnsAbsoluteLinksToEveryCollection()
    {
        var root = await Client.GetJsonAsync("/");

        Assert.Multiple(() =>
        {
            Assert.That(BlogClient.Href(root, "self"), Is.EqualTo("http://localhost/"));
            Assert.That(BlogClient.Href(root, "posts"), Is.EqualTo("http://localhost/posts"));
            Assert.That(BlogClient.Href(root, "users"), Is.EqualTo("http://localhost/users"));
            Assert.That(BlogClient.Href(root, "me"), Is.EqualTo("http://localhost/me"));
        });
    }

    [Test]
    public async Task IsLabelledHalJson()
    {
        using var response = await Client.Http.GetAsync("/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("application/hal+json; charset=utf-8"));
    }

    [Test]
    public async Task UsesTheHostTheClientSent()
    {
        using var response = await Client.SendAsync(HttpMethod.Get, "/", configure: r => r.Headers.Host = "blog.example:8080");
        var root = await BlogClient.ReadJsonAsync(response);

        Assert.That(BlogClient.Href(root, "posts"), Is.EqualTo("http://blog.example:8080/posts"));
    }

    [Test]
    public async Task IgnoresForwardedHeadersWhenNoProxyIsTrusted()
    {
        using var response = await Client.SendAsync(HttpMethod.Get, "/", configure: r =>
        {
            r.Headers.Add("X-Forwarded-Proto", "https");
            r.Headers.Add("X-Forwarded-Host", "evil.example");
        });
        var root = await BlogClient.ReadJsonAsync(response);

        Assert.That(BlogClient.Href(root, "posts"), Is.EqualTo("http://localhost/posts"));
    }
}
