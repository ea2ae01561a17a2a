using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class ListUsers(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task EmbedsUsersPagedWithLinks()
    {
        for (var i = 0; i < 3; i++)
        {
            await Client.RegisterAsync();
        }

        var page = await Client.GetJsonAsync($"{await Client.RootLinkAsync("users")}?size=2");
        var next = await Client.GetJsonAsync(BlogClient.Href(page, "next"));

        Assert.Multiple(() =>
        {
            Assert.That(page["_embedded"]!["users"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(page["totalItems"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(3));
            Assert.That(next["_embedded"]!["users"]!.AsArray(), Is.Not.Empty);
            Assert.That(BlogClient.Href(next, "prev"), Does.Contain("size=2"));
        });
    }

    [Test]
    public async Task Returns400ForABadSize()
    {
        using var response = await Client.Http.GetAsync("/users?size=0");

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
