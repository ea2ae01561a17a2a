using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class IdempotentCreate(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task ARetryWithTheSameKeyReplaysTheFirstResponseAndCreatesNothing()
    {
        var user = await Client.RegisterAsync();
        var key = Guid.NewGuid().ToString();

        using var first = await Client.CreatePostResponseAsync(user, "Once", "Only once", r => r.Headers.Add("Idempotency-Key", key));
        using var retry = await Client.CreatePostResponseAsync(user, "Once", "Only once", r => r.Headers.Add("Idempotency-Key", key));

        Assert.Multiple(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(retry.Headers.Location, Is.EqualTo(first.Headers.Location));
            Assert.That(retry.Headers.ETag, Is.EqualTo(first.Headers.ETag));
            Assert.That(await retry.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
            Assert.That(retry.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
        });
        var count = (await Client.GetJsonAsync($"/users/{user}"))["postCount"]!.GetValue<int>();
        Assert.That(count, Is.EqualTo(1));
    }

    [Test]
    public async Task TheSameKeyWithADifferentBodyIs422()
    {
        var user = await Client.RegisterAsync();
        var key = Guid.NewGuid().ToString();
        using var first = await Client.CreatePostResponseAsync(user, "One", "body", r => r.Headers.Add("Idempotency-Key", key));

        using var different = await Client.CreatePostResponseAsync(user, "Two", "body", r => r.Headers.Add("Idempotency-Key", key));

        await BlogClient.AssertProblemAsync(different, (HttpStatusCode)422);
        Assert.That((await Client.GetJsonAsync($"/users/{user}"))["postCount"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task KeysBelongToTheirUser()
    {
        var alice = await Client.RegisterAsync();
        var bob = await Client.RegisterAsync();
        var key = Guid.NewGuid().ToString();

        using var byAlice = await Client.CreatePostResponseAsync(alice, "Same", "Same", r => r.Headers.Add("Idempotency-Key", key));
        using var byBob = await Client.CreatePostResponseAsync(bob, "Same", "Same", r => r.Headers.Add("Idempotency-Key", key));

        Assert.That(byBob.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(byBob.Headers.Location, Is.Not.EqualTo(byAlice.Headers.Location));
    }

    [Test]
    public async Task ConcurrentRequestsWithOneKeyCreateOnePost()
    {
        var user = await Client.RegisterAsync();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Client.CreatePostResponseAsync(user, "Racing", "Racing", r => r.Headers.Add("Idempotency-Key", key))));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
        Assert.That(responses.Select(r => r.Headers.Location).Distinct().Count(), Is.EqualTo(1));
        Assert.That((await Client.GetJsonAsync($"/users/{user}"))["postCount"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [TestCase("has space")]
    [TestCase("tab\there")]
    public async Task ABadKeyIs400(string key)
    {
        var user = await Client.RegisterAsync();

        using var response = await Client.CreatePostResponseAsync(user, configure: r => r.Headers.TryAddWithoutValidation("Idempotency-Key", key));

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["Idempotency-Key"], Is.Not.Null, problem.ToJsonString());
    }

    [Test]
    public async Task AKeyOf201CharactersIs400()
    {
        var user = await Client.RegisterAsync();

        using var response = await Client.CreatePostResponseAsync(user, configure: r => r.Headers.Add("Idempotency-Key", new string('k', 201)));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task AReplayStillWorksAfterARestart()
    {
        var user = await Client.RegisterAsync();
        var key = Guid.NewGuid().ToString();
        using var first = await Client.CreatePostResponseAsync(user, "Durable", "Durable", r => r.Headers.Add("Idempotency-Key", key));

        using var restarted = Factory.OnTheSameDatabase();
        var client = new BlogClient(restarted.CreateClient());
        using var retry = await client.CreatePostResponseAsync(user, "Durable", "Durable", r => r.Headers.Add("Idempotency-Key", key));

        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(retry.Headers.Location, Is.EqualTo(first.Headers.Location));
    }
}
