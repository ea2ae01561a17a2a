using System.Net;
using System.Net.Http.Headers;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class ConditionalRequests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task GetWithTheCurrentETagIs304WithoutABody()
    {
        var user = await Client.RegisterAsync();
        using var created = await Client.CreatePostResponseAsync(user);
        var etag = created.Headers.ETag!;

        using var response = await Client.SendAsync(HttpMethod.Get, created.Headers.Location!.ToString(), configure: r => r.Headers.IfNoneMatch.Add(etag));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
        Assert.That(response.Headers.ETag, Is.EqualTo(etag));
    }

    [Test]
    public async Task GetWithAnOldETagIs200()
    {
        var user = await Client.RegisterAsync();
        using var created = await Client.CreatePostResponseAsync(user);
        var self = created.Headers.Location!.ToString();
        using (await Client.SendAsync(HttpMethod.Put, self, user, BlogClient.Json("""{"title":"changed","body":"changed"}""")))
        {
        }

        using var response = await Client.SendAsync(HttpMethod.Get, self, configure: r => r.Headers.IfNoneMatch.Add(created.Headers.ETag!));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ListWithTheCurrentETagIs304UntilThePageChanges()
    {
        var user = await Client.RegisterAsync();
        await Client.CreatePostAsync(user);
        var url = $"/posts?author={user}";
        using var first = await Client.Http.GetAsync(url);

        using var unchanged = await Client.SendAsync(HttpMethod.Get, url, configure: r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));
        await Client.CreatePostAsync(user);
        using var changed = await Client.SendAsync(HttpMethod.Get, url, configure: r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));

        Assert.That(unchanged.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task APageWithNextAndPrevLinksKeepsItsETagWhileUnchanged()
    {
        var user = await Client.RegisterAsync();
        for (var i = 0; i < 5; i++)
        {
            await Client.CreatePostAsync(user);
        }

        var first = await Client.GetJsonAsync($"/posts?author={user}&size=2");
        var middle = BlogClient.Href(first, "next");
        using var once = await Client.Http.GetAsync(middle);

        using var again = await Client.SendAsync(HttpMethod.Get, middle, configure: r => r.Headers.IfNoneMatch.Add(once.Headers.ETag!));

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [TestCase("PUT")]
    [TestCase("PATCH")]
    [TestCase("DELETE")]
    public async Task WriteWithAStaleETagIs412AndChangesNothing(string method)
    {
        var user = await Client.RegisterAsync();
        using var created = await Client.CreatePostResponseAsync(user, "v1", "v1");
        var self = created.Headers.Location!.ToString();
        using var replaced = await Client.SendAsync(HttpMethod.Put, self, user, BlogClient.Json("""{"title":"v2","body":"v2"}"""));

        using var response = await Client.SendAsync(new HttpMethod(method), self, user, Body(method), r => r.Headers.IfMatch.Add(created.Headers.ETag!));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.PreconditionFailed);
        var current = await Client.GetJsonAsync(self);
        Assert.That(current["title"]!.GetValue<string>(), Is.EqualTo("v2"));
    }

    [TestCase("PUT")]
    [TestCase("PATCH")]
    [TestCase("DELETE")]
    public async Task WriteWithTheCurrentETagSucceeds(string method)
    {
        var user = await Client.RegisterAsync();
        using var created = await Client.CreatePostResponseAsync(user);

        using var response = await Client.SendAsync(new HttpMethod(method), created.Headers.Location!.ToString(), user, Body(method), r => r.Headers.IfMatch.Add(created.Headers.ETag!));

        Assert.That((int)response.StatusCode, Is.AnyOf(200, 204), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task IfMatchStarMeansAnyCurrentVersion()
    {
        var user = await Client.RegisterAsync();
        using var created = await Client.CreatePostResponseAsync(user);

        using var response = await Client.SendAsync(HttpMethod.Put, created.Headers.Location!.ToString(), user, Body("PUT"), r => r.Headers.IfMatch.Add(EntityTagHeaderValue.Any));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("W/\"weak\"")]
    [TestCase("\"unknown\"")]
    [TestCase("not even an etag")]
    public async Task IfMatchWithAnUnknownOrWeakTagIs412(string header)
    {
        var user = await Client.RegisterAsync();
        using var created = await Client.CreatePostResponseAsync(user);

        using var response = await Client.SendAsync(HttpMethod.Put, created.Headers.Location!.ToString(), user, Body("PUT"), r => r.Headers.TryAddWithoutValidation("If-Match", header));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.PreconditionFailed);
    }

    [Test]
    public async Task AnETagOfAnotherPostDoesNotMatch()
    {
        var user = await Client.RegisterAsync();
        using var first = await Client.CreatePostResponseAsync(user);
        using var second = await Client.CreatePostResponseAsync(user);

        using var response = await Client.SendAsync(HttpMethod.Delete, second.Headers.Location!.ToString(), user, configure: r => r.Headers.IfMatch.Add(first.Headers.ETag!));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.PreconditionFailed);
    }

    [Test]
    public async Task TwoWritersWithTheSameETagExactlyOneWins()
    {
        var user = await Client.RegisterAsync();
        using var created = await Client.CreatePostResponseAsync(user);
        var self = created.Headers.Location!.ToString();

        var writers = Enumerable.Range(0, 10).Select(i => Client.SendAsync(
            HttpMethod.Put, self, user, BlogClient.Json($$"""{"title":"writer {{i}}","body":"b"}"""), r => r.Headers.IfMatch.Add(created.Headers.ETag!)));
        var responses = await Task.WhenAll(writers);

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed), Is.EqualTo(9));
        var winner = await BlogClient.ReadJsonAsync(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
        var stored = await Client.GetJsonAsync(self);
        Assert.That(stored["title"]!.GetValue<string>(), Is.EqualTo(winner["title"]!.GetValue<string>()));
    }

    private static HttpContent? Body(string method) => method switch
    {
        "PUT" => BlogClient.Json("""{"title":"new","body":"new"}"""),
        "PATCH" => BlogClient.Json("""{"title":"new"}""", "application/merge-patch+json"),
        _ => null,
    };

    /// <summary>RFC 9110 §13.1 on a write: each header whose condition is false is a 412, and nothing changes.</summary>
    [TestCase("If-None-Match", "*")]
    [TestCase("If-Unmodified-Since", "Sat, 01 Jan 2000 00:00:00 GMT")]
    [TestCase("If-Match", "\"bogus\", *")]
    [TestCase("If-Match", "W/\"{0}-1\"")]
    [TestCase("If-Match", "\"{0}-01\"")]
    [TestCase("If-None-Match", "\"{0}-1\"")]
    [TestCase("If-None-Match", "W/\"{0}-1\"")]
    public async Task PutIs412AndChangesNothingWhenAPreconditionIsFalse(string header, string format)
    {
        var (self, response) = await ReplaceNewPostWithAsync(header, format);
        using (response)
        {
            await BlogClient.AssertProblemAsync(response, HttpStatusCode.PreconditionFailed);
        }

        Assert.That((await Client.GetJsonAsync(self))["title"]!.GetValue<string>(), Is.EqualTo("Unchanged"));
    }

    [TestCase("If-Unmodified-Since", "Fri, 01 Jan 2100 00:00:00 GMT")]
    [TestCase("If-Unmodified-Since", "not a date")]
    [TestCase("If-None-Match", "\"{0}-2\"")]
    [TestCase("If-Match", "\"{0}-1\"")]
    public async Task PutIs200WhenEveryPreconditionHolds(string header, string format)
    {
        var (_, response) = await ReplaceNewPostWithAsync(header, format);
        using (response)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>Creates a post titled "Unchanged" and PUTs new content with one header, whose {0} is the post's id.</summary>
    private async Task<(string Self, HttpResponseMessage Response)> ReplaceNewPostWithAsync(string header, string format)
    {
        var user = await Client.RegisterAsync();
        using var created = await Client.CreatePostResponseAsync(user, title: "Unchanged");
        var self = created.Headers.Location!.ToString();
        var id = Guid.Parse(self[(self.LastIndexOf('/') + 1)..]);
        var value = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, id.ToString("N"));
        var response = await Client.SendAsync(HttpMethod.Put, self, user, BlogClient.Json("""{"title":"changed","body":"changed"}"""),
            r => r.Headers.TryAddWithoutValidation(header, value));
        return (self, response);
    }
}
