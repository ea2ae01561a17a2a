using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary>
/// Every response says how it may be cached: anonymous reads are public for a few seconds and then revalidated,
/// answers to credentials are private, writes and errors are never stored, and Vary names Accept and Authorization.
/// </summary>
public sealed class CacheHeaders(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly TimeSpan DefaultSharedMaxAge = TimeSpan.FromSeconds(5);

    [TestCase("")]
    [TestCase("posts")]
    [TestCase("users")]
    [TestCase("post")]
    [TestCase("author")]
    public async Task AnAnonymousReadIsPublicForAFewSecondsThenRevalidated(string rel)
    {
        var url = await UrlAsync(rel);

        using var response = await Client.Http.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertPublic(response, DefaultSharedMaxAge);
    }

    [Test]
    public async Task A304RepeatsThePublicPolicyOfThe200()
    {
        var post = await Client.CreatePostResponseAsync(await Client.RegisterAsync());

        using var response = await Client.SendAsync(HttpMethod.Get, post.Headers.Location!.ToString(), configure: r => r.Headers.IfNoneMatch.Add(post.Headers.ETag!));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        AssertPublic(response, DefaultSharedMaxAge);
    }

    [Test]
    public async Task AHeadIsPublicLikeItsGet()
    {
        using var response = await Client.SendAsync(HttpMethod.Head, await UrlAsync("post"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertPublic(response, DefaultSharedMaxAge);
    }

    [Test]
    public async Task PlainJsonIsPublicAndVariesOnAccept()
    {
        using var response = await Client.SendAsync(HttpMethod.Get, await UrlAsync("post"), configure: r => r.Headers.Accept.ParseAdd("application/json"));

        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        AssertPublic(response, DefaultSharedMaxAge);
    }

    [Test]
    public async Task AReadWithBasicCredentialsIsPrivate()
    {
        var user = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(user);

        using var response = await Client.SendAsync(HttpMethod.Get, BlogClient.Href(post, "self"), user);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertPrivate(response);
    }

    [Test]
    public async Task AReadWithABearerTokenIsPrivate()
    {
        var user = await Client.RegisterAsync();
        var token = await Client.CreateTokenSecretAsync(user, "read");

        using var response = await Client.SendAsync(HttpMethod.Get, await UrlAsync("posts"), configure: BlogClient.Bearer(token));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertPrivate(response);
    }

    [Test]
    public async Task MeIsPrivate()
    {
        var user = await Client.RegisterAsync();

        using var response = await Client.SendAsync(HttpMethod.Get, await UrlAsync("me"), user);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertPrivate(response);
    }

    [Test]
    public async Task A304AnsweredToCredentialsIsPrivate()
    {
        var user = await Client.RegisterAsync();
        var post = await Client.CreatePostResponseAsync(user);

        using var response = await Client.SendAsync(HttpMethod.Get, post.Headers.Location!.ToString(), user, configure: r => r.Headers.IfNoneMatch.Add(post.Headers.ETag!));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        AssertPrivate(response);
    }

    [Test]
    public async Task WrongCredentialsOnAReadAreNeverStored()
    {
        var user = await Client.RegisterAsync();

        using var response = await Client.SendAsync(HttpMethod.Get, await UrlAsync("posts"), configure: r => r.Headers.Authorization = BlogClient.Basic(user, "wrong password"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        AssertNeverStored(response, credentials: true);
    }

    [TestCase("POST")]
    [TestCase("PUT")]
    [TestCase("PATCH")]
    [TestCase("DELETE")]
    public async Task AWriteIsNeverStored(string method)
    {
        var user = await Client.RegisterAsync();
        var post = await Client.CreatePostResponseAsync(user);
        var self = post.Headers.Location!.ToString();

        using var response = method switch
        {
            "POST" => await Client.CreatePostResponseAsync(user),
            "PUT" => await Client.SendAsync(HttpMethod.Put, self, user, BlogClient.Json("""{"title":"T","body":"B"}""")),
            "PATCH" => await Client.SendAsync(HttpMethod.Patch, self, user, BlogClient.Json("""{"title":"T"}""", "application/merge-patch+json")),
            _ => await Client.SendAsync(HttpMethod.Delete, self, user),
        };

        Assert.That((int)response.StatusCode, Is.InRange(200, 299), await response.Content.ReadAsStringAsync());
        AssertNeverStored(response, credentials: true);
    }

    [Test]
    public async Task AnAnonymousRegistrationIsNeverStored()
    {
        using var response = await Client.PostJsonAsync(await UrlAsync("users"), new { username = BlogClient.UniqueName(), password = BlogClient.Password });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        AssertNeverStored(response, credentials: false);
    }

    [Test]
    public async Task ANewTokensSecretIsNeverStored()
    {
        using var response = await Client.CreateTokenResponseAsync(await Client.RegisterAsync(), ["read"]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        AssertNeverStored(response, credentials: true);
    }

    [TestCase("/posts/0193a5d2-7c1e-7000-8000-000000000000", null, HttpStatusCode.NotFound)]
    [TestCase("/nowhere", null, HttpStatusCode.NotFound)]
    [TestCase("/posts?size=0", null, HttpStatusCode.BadRequest)]
    [TestCase("/posts", "application/xml", HttpStatusCode.NotAcceptable)]
    public async Task AnErrorOnAnAnonymousReadIsNeverStored(string url, string? accept, HttpStatusCode status)
    {
        using var response = await Client.SendAsync(HttpMethod.Get, url, configure: r =>
        {
            if (accept is not null)
            {
                r.Headers.Accept.ParseAdd(accept);
            }
        });

        await BlogClient.AssertProblemAsync(response, status);
        AssertNeverStored(response, credentials: false);
    }

    [Test]
    public async Task AnErrorAnsweredToCredentialsIsNeverStored()
    {
        var author = await Client.RegisterAsync();
        var other = await Client.RegisterAsync();
        var post = await Client.CreatePostAsync(author);

        using var response = await Client.SendAsync(HttpMethod.Delete, BlogClient.Href(post, "self"), other);

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        AssertNeverStored(response, credentials: true);
    }

    [Test]
    public async Task OptionsIsNeverStored()
    {
        using var response = await Client.SendAsync(HttpMethod.Options, await UrlAsync("posts"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        AssertNeverStored(response, credentials: false);
    }

    [Test]
    public async Task HealthIsNeverStored()
    {
        using var response = await Client.Http.GetAsync("/health");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertNeverStored(response, credentials: false);
    }

    /// <summary>public, max-age=0, s-maxage, must-revalidate; Vary: Accept, Authorization.</summary>
    internal static void AssertPublic(HttpResponseMessage response, TimeSpan sharedMaxAge)
    {
        var cacheControl = response.Headers.CacheControl;
        Assert.That(cacheControl, Is.Not.Null, "no Cache-Control");
        Assert.Multiple(() =>
        {
            Assert.That(cacheControl!.Public, Is.True, $"{cacheControl}: a shared cache may keep it");
            Assert.That(cacheControl.SharedMaxAge, Is.EqualTo(sharedMaxAge), $"{cacheControl}: that long");
            Assert.That(cacheControl.MaxAge, Is.EqualTo(TimeSpan.Zero), $"{cacheControl}: a browser revalidates at once");
            Assert.That(cacheControl.MustRevalidate, Is.True, $"{cacheControl}: and never uses it stale");
            Assert.That(cacheControl.Private || cacheControl.NoStore || cacheControl.NoCache, Is.False, $"{cacheControl}: nothing that would stop nginx storing it");
        });
        AssertVary(response);
    }

    /// <summary>private, no-cache, and nothing a shared cache could use.</summary>
    internal static void AssertPrivate(HttpResponseMessage response)
    {
        var cacheControl = response.Headers.CacheControl;
        Assert.That(cacheControl, Is.Not.Null, "no Cache-Control");
        Assert.Multiple(() =>
        {
            Assert.That(cacheControl!.Private, Is.True, $"{cacheControl}: answered to credentials");
            Assert.That(cacheControl.NoCache, Is.True, $"{cacheControl}: revalidated before every use");
            Assert.That(cacheControl.Public, Is.False, cacheControl.ToString());
            Assert.That(cacheControl.SharedMaxAge, Is.Null, cacheControl.ToString());
        });
        AssertVary(response);
    }

    /// <summary>no-store (and private when the request carried credentials).</summary>
    internal static void AssertNeverStored(HttpResponseMessage response, bool credentials)
    {
        var cacheControl = response.Headers.CacheControl;
        Assert.That(cacheControl, Is.Not.Null, "no Cache-Control");
        Assert.Multiple(() =>
        {
            Assert.That(cacheControl!.NoStore, Is.True, cacheControl.ToString());
            Assert.That(cacheControl.Private, Is.EqualTo(credentials), $"{cacheControl}: private exactly when answered to credentials");
            Assert.That(cacheControl.Public, Is.False, cacheControl.ToString());
            Assert.That(cacheControl.SharedMaxAge, Is.Null, cacheControl.ToString());
        });
        AssertVary(response);
    }

    internal static void AssertVary(HttpResponseMessage response, params string[] more) =>
        Assert.That(response.Headers.Vary, Is.SupersetOf(new[] { "Accept", "Authorization" }.Concat(more)), "Vary");

    private async Task<string> UrlAsync(string rel)
    {
        switch (rel)
        {
            case "":
                return "/";
            case "post":
                return BlogClient.Href(await Client.CreatePostAsync(await Client.RegisterAsync()), "self");
            case "author":
                return BlogClient.Href(await Client.CreatePostAsync(await Client.RegisterAsync()), "author");
            default:
                return await Client.RootLinkAsync(rel);
        }
    }
}
