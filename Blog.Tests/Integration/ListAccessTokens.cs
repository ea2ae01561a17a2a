using System.Net;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class ListAccessTokens(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task ListsTheUsersTokensNewestFirstWithoutTheirSecrets()
    {
        var user = await Client.RegisterAsync();
        var first = await Client.CreateTokenAsync(user, "read");
        var second = await Client.CreateTokenAsync(user, "read", "write");

        using var response = await Client.SendAsync(HttpMethod.Get, await Client.TokensLinkAsync(user), user);
        var text = await response.Content.ReadAsStringAsync();
        var page = JsonNode.Parse(text)!;
        var listed = page["_embedded"]!["tokens"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page["totalItems"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(listed.Select(token => token!["id"]!.GetValue<string>()), Is.EqualTo(new[] { Id(second), Id(first) }));
            Assert.That(text, Does.Not.Contain(Secret(first)).And.Not.Contain(Secret(second)));
            Assert.That(listed.SelectMany(token => token!.AsObject().Select(member => member.Key)).Distinct(), Is.EquivalentTo(new[]
            {
                "_links", "id", "name", "scopes", "createdDate", "expiresDate", "lastUsedDate",
            }));
            Assert.That(BlogClient.Href(listed[0]!, "self"), Is.EqualTo(BlogClient.Href(second, "self")));
        });
    }

    [Test]
    public async Task ListsOnlyTheSignedInUsersTokens()
    {
        var user = await Client.RegisterAsync();
        var other = await Client.RegisterAsync();
        await Client.CreateTokenAsync(other, "read");

        using var response = await Client.SendAsync(HttpMethod.Get, await Client.TokensLinkAsync(user), user);
        var page = await BlogClient.ReadJsonAsync(response);

        Assert.That(page["totalItems"]!.GetValue<int>(), Is.Zero);
        Assert.That(page["_embedded"]!["tokens"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task PagesLikeTheOtherCollections()
    {
        var user = await Client.RegisterAsync();
        var first = await Client.CreateTokenAsync(user, "read");
        await Client.CreateTokenAsync(user, "read");

        using var firstPage = await Client.SendAsync(HttpMethod.Get, $"{await Client.TokensLinkAsync(user)}?size=1", user);
        var next = BlogClient.Href(await BlogClient.ReadJsonAsync(firstPage), "next");
        using var secondPage = await Client.SendAsync(HttpMethod.Get, next, user);
        var second = await BlogClient.ReadJsonAsync(secondPage);

        Assert.That(second["_embedded"]!["tokens"]!.AsArray().Select(token => token!["id"]!.GetValue<string>()), Is.EqualTo(new[] { Id(first) }));
        Assert.That(second["_links"]!["next"], Is.Null);
    }

    [Test]
    public async Task GetsOneTokenByItsLinkButNotAnotherUsers()
    {
        var user = await Client.RegisterAsync();
        var other = await Client.RegisterAsync();
        var token = await Client.CreateTokenAsync(user, "read");

        using var own = await Client.SendAsync(HttpMethod.Get, BlogClient.Href(token, "self"), user);
        using var theirs = await Client.SendAsync(HttpMethod.Get, BlogClient.Href(token, "self"), other);

        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await BlogClient.ReadJsonAsync(own))["name"]!.GetValue<string>(), Is.EqualTo("test token"));
        await BlogClient.AssertProblemAsync(theirs, HttpStatusCode.NotFound);
    }

    private static string Id(JsonNode token) => token["id"]!.GetValue<string>();

    private static string Secret(JsonNode token) => token["token"]!.GetValue<string>();
}
