using System.Net;
using System.Text.Json.Nodes;
using Blog.Infrastructure.Data;
using Blog.Tests.Integration;

namespace Blog.Tests.ScaleOut;

/// <summary>
/// Two instances of the service on one database behind nginx (round robin): whichever instance answers, a client sees
/// one service: links name nginx, a cursor from one is followed on the other, a version check and an idempotency key
/// hold across both.
/// </summary>
[Category("ScaleOut")]
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class LoadBalancedInstances(DatabaseProvider database)
{
    private BlogFleet fleet = null!;
    private BlogClient client = null!;

    [OneTimeSetUp]
    public async Task StartTwoInstancesBehindNginx()
    {
        fleet = await BlogFleet.StartAsync(new FleetOptions { Database = database });
        client = new BlogClient(fleet.CreateClient());
    }

    [OneTimeTearDown]
    public void StopThem()
    {
        client?.Http.Dispose();
        fleet?.Dispose();
    }

    [TearDown]
    public void ShowTheLogsOfAFailure()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            TestContext.Out.WriteLine(fleet.Diagnostics());
        }
    }

    [Test]
    public async Task EitherInstanceLinksToNginxsAddress()
    {
        var answeredBy = new HashSet<string>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.Http.GetAsync("/");
            var root = await BlogClient.ReadJsonAsync(response);
            answeredBy.Add(BlogFleet.AnsweredBy(response));
            Assert.That(BlogClient.Href(root, "posts"), Is.EqualTo(new Uri(fleet.BaseAddress, "/posts").ToString()));
        }

        Assert.That(answeredBy, Is.EquivalentTo(fleet.Instances.Select(instance => instance.BaseAddress.Authority)), "round robin reached both instances");
    }

    [Test]
    public async Task ACursorFromOneInstanceIsFollowedOnTheOther()
    {
        var author = await client.RegisterAsync();
        foreach (var title in new[] { "first", "second", "third" })
        {
            await client.CreatePostAsync(author, title);
        }

        using var firstPage = await client.Http.GetAsync($"/posts?author={author}&size=1");
        var next = BlogClient.Href(await BlogClient.ReadJsonAsync(firstPage), "next");
        // Round robin sends the next request to the other instance; a request in between would send it back.
        using var secondPage = await client.Http.GetAsync(next);
        var text = await secondPage.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(BlogFleet.AnsweredBy(secondPage), Is.Not.EqualTo(BlogFleet.AnsweredBy(firstPage)), "the two pages came from different instances");
            Assert.That(secondPage.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"a cursor sealed by {BlogFleet.AnsweredBy(firstPage)} was refused by {BlogFleet.AnsweredBy(secondPage)}: {text}");
        });
        var posts = JsonNode.Parse(text)!["_embedded"]!["posts"]!.AsArray();
        Assert.That(posts.Select(post => post!["title"]!.GetValue<string>()), Is.EqualTo(new[] { "second" }));
    }

    [Test]
    public async Task TenWritersRacingOnOneETagAcrossBothInstancesLeaveOneWinner()
    {
        var author = await client.RegisterAsync();
        using var created = await client.CreatePostResponseAsync(author);
        var self = created.Headers.Location!.ToString();
        var etag = created.Headers.ETag!;

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(writer => client.SendAsync(
            HttpMethod.Put, self, author, BlogClient.Json($$"""{"title":"writer {{writer}}","body":"B"}"""), r => r.Headers.IfMatch.Add(etag))));
        using var afterwards = await client.Http.GetAsync(self);

        var winners = responses.Where(response => response.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(responses.Select(BlogFleet.AnsweredBy).Distinct().Count(), Is.EqualTo(2), "the writers reached both instances");
            Assert.That(winners, Has.Count.EqualTo(1), string.Join(", ", responses.Select(response => (int)response.StatusCode)));
            Assert.That(responses.Count(response => response.StatusCode == HttpStatusCode.PreconditionFailed), Is.EqualTo(9));
            Assert.That(afterwards.Headers.ETag, Is.EqualTo(winners.FirstOrDefault()?.Headers.ETag), "what stands is the winner's version");
        });
    }

    [Test]
    public async Task OneIdempotencyKeySentToBothInstancesCreatesOnePost()
    {
        var author = await client.RegisterAsync();
        var posts = await client.RootLinkAsync("posts");
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SendAsync(
            HttpMethod.Post, posts, author, BlogClient.Json("""{"title":"Once","body":"Only once"}"""), r => r.Headers.Add("Idempotency-Key", key))));
        var user = await client.GetJsonAsync($"/users/{author}");

        Assert.Multiple(() =>
        {
            Assert.That(responses.Select(BlogFleet.AnsweredBy).Distinct().Count(), Is.EqualTo(2), "the key reached both instances");
            Assert.That(responses.Select(response => response.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
            Assert.That(responses.Select(response => response.Headers.Location).Distinct().Count(), Is.EqualTo(1), "every answer names the same post");
            Assert.That(user["postCount"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }
}
