
namespace Blog.Tests.Integration;

public sealed class GetRootBehindATrustedProxy : IntegrationTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["ForwardedHeaders:Enabled"] = "true" };

    [Test]
    public async Task UsesTheForwardedSchemeAndHost()
    {
        using var response = await Client.SendAsync(HttpMethod.Get, "/", configure: r =>
        {
            r.Headers.Add("X-Forwarded-Proto", "https");
            r.Headers.Add("X-Forwarded-Host", "blog.example");
        });
        var root = await BlogClient.ReadJsonAsync(response);

        Assert.That(BlogClient.Href(root, "posts"), Is.EqualTo("https://blog.example/posts"));
    }
}
