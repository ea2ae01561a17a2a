using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary>
/// A word written only in drafts and in a post scheduled for later (title, body, tag, revision) is in no response that
/// anyone else gets, nor in any public listing the author gets: not in a body, not in a header.
/// </summary>
/// <remarks>
/// A request that names the word itself (a search, a tag) must be answered exactly as the same request naming a word
/// nobody wrote, once both words are masked: the answer may echo the request, but must tell nothing more.
/// </remarks>
public sealed class DraftTextNeverLeaks(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Masked = "masked";

    private readonly string word = UniqueWord();
    private readonly string canary = UniqueWord();
    private string author = null!;
    private string other = null!;
    private List<string> hiddenPosts = null!;
    private int requests;

    [OneTimeSetUp]
    public async Task WriteTheWordWhereOnlyTheAuthorMaySeeIt()
    {
        author = await Client.RegisterAsync();
        other = await Client.RegisterAsync();
        var hidden = new { title = $"Title {word}", body = $"A body with {word} in it", tags = new[] { word } };

        var draft = await Client.WritePostAsync(author, new { hidden.title, hidden.body, hidden.tags, status = "draft" });
        await Client.PatchPostAsync(draft, author, $$"""{"title":"Retitled {{word}}","tags":["{{word}}","second"]}""");
        var scheduled = await Client.WritePostAsync(author, new { hidden.title, hidden.body, hidden.tags, publishedDate = PublishingRequests.Instant(DateTimeOffset.UtcNow.AddDays(2)) });
        await Client.PatchPostAsync(scheduled, author, $$"""{"body":"Edited, still with {{word}}"}""");
        var takenBack = await Client.WritePostAsync(author, new { hidden.title, hidden.body, hidden.tags });
        await Client.PatchPostAsync(takenBack, author, """{"status":"draft"}""");
        hiddenPosts = [.. new[] { draft, scheduled, takenBack }.Select(PublishingRequests.Id)];

        await Client.WritePostAsync(author, new { title = "Public", body = $"Out in the open: {canary}", tags = new[] { canary } });
        await Client.WritePostAsync(other, new { title = "Someone else's", body = "Public too" });
    }

    [Test]
    public async Task IsInNoResponseToAnAnonymousClient()
    {
        await VisitPublicResourcesAsync(null);
        await VisitHiddenPostsAsync(null);
        TestContext.Out.WriteLine($"{requests} requests");
    }

    [Test]
    public async Task IsInNoResponseToAnotherUser()
    {
        await VisitPublicResourcesAsync(other);
        await VisitHiddenPostsAsync(other);
        await VisitAsync(await Client.RootLinkAsync("me"), other);
        await VisitAsync(await Client.MyPostsLinkAsync(), other);
        TestContext.Out.WriteLine($"{requests} requests");
    }

    [Test]
    public async Task IsInNoPublicListingTheAuthorGets() => await VisitPublicResourcesAsync(author);

    [Test]
    public async Task TheSameVisitsDoShowAWordOnceItIsPublic()
    {
        // Proves the visits can see a word at all: the canary was written in a public post.
        var found = await Client.GetJsonAsAsync($"/posts?q={canary}", null);
        var byAuthor = await Client.GetJsonAsAsync($"/posts?author={author}", null);

        Assert.That(found["_embedded"]!.ToJsonString(), Does.Contain(canary));
        Assert.That(byAuthor["_embedded"]!.ToJsonString(), Does.Contain(canary));
    }

    [Test]
    public async Task CountsOnlyThePublicPost()
    {
        var user = await Client.GetJsonAsAsync($"/users/{author}", other);
        var byAuthor = await Client.GetJsonAsAsync($"/posts?author={author}", other);

        Assert.That(user["postCount"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(PublishingRequests.TotalItems(byAuthor), Is.EqualTo(1));
    }

    private static string UniqueWord() => $"zq{Guid.NewGuid():N}"[..26];

    private async Task VisitPublicResourcesAsync(string? user)
    {
        foreach (var url in new[]
        {
            "/", "/posts", "/posts?size=1", "/posts?size=100", $"/posts?author={author}", $"/posts?author={author}&size=1",
            $"/posts?author={author.ToUpperInvariant()}", "/users", "/users?size=1", $"/users/{author}", "/tags", "/tags?size=1", "/tags?size=100",
        })
        {
            await VisitAsync(url, user);
        }

        foreach (var template in new[]
        {
            "/posts?q={0}", "/posts?q={0}&size=1", $"/posts?q={{0}}&author={author}", "/posts?tag={0}", $"/posts?tag={{0}}&author={author}",
            "/tags/{0}",
        })
        {
            await AssertAnsweredAsForAnUnusedWordAsync(template, word, user);
            await AssertAnsweredAsForAnUnusedWordAsync(template, word.ToUpperInvariant(), user);
            await AssertAnsweredAsForAnUnusedWordAsync(template, word[4..12], user);
        }

        if (await Client.StatusOfAsync("/tags") == HttpStatusCode.NotFound)
        {
            TestContext.Out.WriteLine("/tags is not served yet: only its 404s were checked.");
        }
    }

    private async Task VisitHiddenPostsAsync(string? user)
    {
        foreach (var id in hiddenPosts)
        {
            foreach (var path in new[] { "", "/revisions", "/revisions/1", "/revisions/2", "/comments" })
            {
                var status = await VisitAsync($"/posts/{id}{path}", user);
                Assert.That(status, user is null && path.StartsWith("/revisions", StringComparison.Ordinal)
                    ? Is.EqualTo(HttpStatusCode.NotFound).Or.EqualTo(HttpStatusCode.Unauthorized)
                    : Is.EqualTo(HttpStatusCode.NotFound), $"/posts/{id}{path}");
            }
        }
    }

    /// <summary>Gets the URL, and every page its <c>next</c> links lead to, checking that none shows the word.</summary>
    private async Task<HttpStatusCode> VisitAsync(string url, string? user)
    {
        var (status, body) = await GetCheckingHeadersAsync(url, user);
        Assert.That(body, Does.Not.Contain(word).IgnoreCase, $"{user ?? "anonymous"}: GET {url} ({status})");
        var next = status == HttpStatusCode.OK ? TryParse(body)?["_links"]?["next"]?["href"]?.GetValue<string>() : null;
        if (next is not null)
        {
            await VisitAsync(next, user);
        }

        return status;
    }

    /// <summary>The request naming <paramref name="text"/> is answered as it is naming an unused word of the same length.</summary>
    private async Task AssertAnsweredAsForAnUnusedWordAsync(string template, string text, string? user)
    {
        var unused = UniqueWord()[..text.Length];
        unused = text.Any(char.IsUpper) ? unused.ToUpperInvariant() : unused;
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, text);
        var controlUrl = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, unused);

        var (status, body) = await GetCheckingHeadersAsync(url, user, text);
        var (controlStatus, controlBody) = await GetCheckingHeadersAsync(controlUrl, user, unused);

        var message = $"{user ?? "anonymous"}: GET {url} ({status}) against GET {controlUrl} ({controlStatus})\n{body}\n{controlBody}";
        Assert.That(status, Is.EqualTo(controlStatus), message);
        Assert.That(JsonNode.DeepEquals(Normalized(body, text), Normalized(controlBody, unused)), Is.True, message);
        Assert.That(Mask(body, text), Does.Not.Contain(word).IgnoreCase, message);
    }

    /// <summary>A GET whose headers must not show the word (beyond <paramref name="echoed"/>, a text the request itself named).</summary>
    private async Task<(HttpStatusCode Status, string Body)> GetCheckingHeadersAsync(string url, string? user, string? echoed = null)
    {
        using var response = await Client.SendAsync(HttpMethod.Get, url, user);
        requests++;
        var body = await response.Content.ReadAsStringAsync();
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            var value = string.Join(", ", values);
            Assert.That(echoed is null ? value : Mask(value, echoed), Does.Not.Contain(word).IgnoreCase, $"GET {url}: header {name}");
        }

        return (response.StatusCode, body);
    }

    /// <summary>The body with the text the request named masked, and without what differs on every response (traceId).</summary>
    private static JsonNode? Normalized(string body, string named)
    {
        var node = TryParse(Mask(body, named));
        if (node is JsonObject problem)
        {
            problem.Remove("traceId");
        }

        return node ?? JsonValue.Create(body);
    }

    private static string Mask(string text, string named) => Regex.Replace(text, Regex.Escape(named), Masked, RegexOptions.IgnoreCase);

    private static JsonNode? TryParse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
