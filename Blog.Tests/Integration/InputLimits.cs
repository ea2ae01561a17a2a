using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class InputLimits(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task ABodyOver1MiBIs413AndCreatesNothing()
    {
        var user = await Client.RegisterAsync();
        var body = new string('b', 1024 * 1024);

        using var response = await Client.CreatePostResponseAsync(user, "big", body);

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.That((await Client.GetJsonAsync($"/users/{user}"))["postCount"]!.GetValue<int>(), Is.EqualTo(0));
    }

    [Test]
    public async Task DeeplyNestedJsonIs400()
    {
        var user = await Client.RegisterAsync();
        var json = $"{{\"title\":\"T\",\"body\":\"B\",\"x\":{new string('[', 1000)}{new string(']', 1000)}}}";

        using var response = await Client.SendAsync(HttpMethod.Post, "/posts", user, BlogClient.Json(json));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task AnOverlongIdIs404()
    {
        using var response = await Client.Http.GetAsync($"/posts/{new string('1', 5000)}");

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ManyConcurrentCreatesAllSucceedAndAllAreStored()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Client.RegisterAsync()));

        var responses = await Task.WhenAll(Enumerable.Range(0, 80).Select(i => Client.CreatePostResponseAsync(users[i % 4], $"Concurrent {i}")));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
        foreach (var response in responses)
        {
            using var get = await Client.Http.GetAsync(response.Headers.Location);
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var counts = await Task.WhenAll(users.Select(async u => (await Client.GetJsonAsync($"/users/{u}"))["postCount"]!.GetValue<int>()));
        Assert.That(counts, Is.All.EqualTo(20));
    }
}
