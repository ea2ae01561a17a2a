using System.Net;
using System.Text.Json.Nodes;
using Blog.Tests.Integration;
using Blog.Infrastructure.Data;

namespace Blog.Tests.OpenApi;

/// <summary>
/// The conformance checks fail when the document is wrong: the service's real answers held against a copy of its
/// document with one schema deliberately broken.
/// </summary>
public sealed class ConformanceAgainstABrokenDocument(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task FailsWhenAResponseBreaksItsSchema()
    {
        var spec = (await OpenApiSpec.LoadAsync(Client.Http)).WithSchema("PostDto", post => post["properties"]!["title"] = new JsonObject { ["type"] = "integer" });
        var check = new ResponseConformance(spec);
        var post = await Client.CreatePostAsync(await Client.RegisterAsync());

        await check.CheckAsync(await Client.SendAsync(HttpMethod.Get, BlogClient.Href(post, "self")), HttpStatusCode.OK);

        Assert.That(check.Failures, Has.Some.Contains("GET /posts/{id} 200").And.Some.Contains("$.title: type:"));
    }

    [Test]
    public async Task FailsWhenTheDocumentRequiresAMemberTheServiceDoesNotSend()
    {
        var spec = (await OpenApiSpec.LoadAsync(Client.Http)).WithSchema("UserDto", user => user["required"]!.AsArray().Add("email"));
        var check = new ResponseConformance(spec);
        var user = await Client.RegisterAsync();

        await check.CheckAsync(await Client.SendAsync(HttpMethod.Get, "/me", user), HttpStatusCode.OK);
        await check.CheckAsync(await Client.SendAsync(HttpMethod.Get, $"{await Client.RootLinkAsync("users")}/{user}"), HttpStatusCode.OK);

        Assert.That(check.Failures, Has.Exactly(1).Contains("GET /users/{username} 200").And.Contains("required").And.Contains("email"));
    }

    [Test]
    public async Task FailsWhenAnAlwaysSentHeaderIsMissing()
    {
        var spec = await OpenApiSpec.LoadAsync(Client.Http);
        var check = new ResponseConformance(spec);
        var user = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(user);
        using var read = await Client.SendAsync(HttpMethod.Get, BlogClient.Href(post, "self"));
        read.Headers.ETag = null;

        await check.CheckAsync(read, HttpStatusCode.OK);

        Assert.That(check.Failures, Has.Some.Contains("the header ETag is declared required"));
    }
}
