using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Blog.Tests.Integration;

/// <summary>
/// A HAL client for the tests: it starts at / and follows links, the way the contract asks clients to.
/// </summary>
public sealed class BlogClient(HttpClient http)
{
    public const string Password = "correct horse battery";

    public const string BasicChallenge = "Basic realm=\"blog\", charset=\"UTF-8\"";
    public const string BearerChallenge = "Bearer realm=\"blog\"";
    public const string InvalidTokenChallenge = "Bearer realm=\"blog\", error=\"invalid_token\"";

    public HttpClient Http { get; } = http;

    public static AuthenticationHeaderValue Basic(string username, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));

    /// <summary>Signs a request in with a personal access token.</summary>
    public static Action<HttpRequestMessage> Bearer(string token) => request => request.Headers.Authorization = new("Bearer", token);

    /// <summary>The WWW-Authenticate challenges of a response, one string each.</summary>
    public static IReadOnlyList<string> Challenges(HttpResponseMessage response) => [.. response.Headers.WwwAuthenticate.Select(challenge => challenge.ToString())];

    public static StringContent Json(string json, string mediaType = "application/json") => new(json, Encoding.UTF8, mediaType);

    public static string UniqueName(string prefix = "user") => $"{prefix}{Guid.NewGuid():N}"[..20];

    public async Task<JsonNode> GetJsonAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await ReadJsonAsync(response);
    }

    /// <summary>The href of a link of the root document, e.g. <c>posts</c>.</summary>
    public async Task<string> RootLinkAsync(string rel) => Href(await GetJsonAsync("/"), rel);

    public async Task<string> RegisterAsync(string? username = null, string password = Password)
    {
        username ??= UniqueName();
        using var response = await Http.PostAsync(await RootLinkAsync("users"), Json(JsonSerializer.Serialize(new { username, password })));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return username;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? user = null, HttpContent? content = null, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (user is not null)
        {
            request.Headers.Authorization = Basic(user, Password);
        }

        configure?.Invoke(request);
        return await Http.SendAsync(request);
    }

    /// <summary>The signed-in user's tokens, through the <c>tokens</c> link of <c>/me</c>.</summary>
    public async Task<string> TokensLinkAsync(string user)
    {
        using var me = await SendAsync(HttpMethod.Get, await RootLinkAsync("me"), user);
        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK), await me.Content.ReadAsStringAsync());
        return Href(await ReadJsonAsync(me), "tokens");
    }

    public async Task<HttpResponseMessage> CreateTokenResponseAsync(string user, string[] scopes, int expiresInDays = 30, string name = "test token") =>
        await SendAsync(HttpMethod.Post, await TokensLinkAsync(user), user, Json(JsonSerializer.Serialize(new { name, scopes, expiresInDays })));

    /// <summary>Creates a token with a password and returns its representation, which carries the secret in <c>token</c>.</summary>
    public async Task<JsonNode> CreateTokenAsync(string user, params string[] scopes)
    {
        using var response = await CreateTokenResponseAsync(user, scopes);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await ReadJsonAsync(response);
    }

    /// <summary>A new token's secret.</summary>
    public async Task<string> CreateTokenSecretAsync(string user, params string[] scopes) =>
        (await CreateTokenAsync(user, scopes))["token"]!.GetValue<string>();

    public async Task<HttpResponseMessage> CreatePostResponseAsync(string user, string title = "Hello", string body = "World", Action<HttpRequestMessage>? configure = null) =>
        await SendAsync(HttpMethod.Post, await RootLinkAsync("posts"), user, Json(JsonSerializer.Serialize(new { title, body })), configure);

    /// <summary>Creates a post and returns its representation.</summary>
    public async Task<JsonNode> CreatePostAsync(string user, string title = "Hello", string body = "World")
    {
        using var response = await CreatePostResponseAsync(user, title, body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await ReadJsonAsync(response);
    }

    /// <summary>Creates a post from a JSON body of the test's own (a draft, a scheduled post) and returns its representation.</summary>
    public async Task<JsonNode> CreatePostAsync(string user, JsonObject body)
    {
        using var response = await SendAsync(HttpMethod.Post, await RootLinkAsync("posts"), user, Json(body.ToJsonString()));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await ReadJsonAsync(response);
    }

    /// <summary>Comments on a post through its <c>comments</c> link.</summary>
    public async Task<HttpResponseMessage> CreateCommentResponseAsync(string? user, JsonNode post, string body = "Nice post!", Action<HttpRequestMessage>? configure = null) =>
        await SendAsync(HttpMethod.Post, Href(post, "comments"), user, Json(JsonSerializer.Serialize(new { body })), configure);

    /// <summary>Comments on a post and returns the comment's representation.</summary>
    public async Task<JsonNode> CreateCommentAsync(string user, JsonNode post, string body = "Nice post!")
    {
        using var response = await CreateCommentResponseAsync(user, post, body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await ReadJsonAsync(response);
    }

    public static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new AssertionException("The body is JSON null.");

    public static string Href(JsonNode resource, string rel) =>
        resource["_links"]?[rel]?["href"]?.GetValue<string>() ?? throw new AssertionException($"No '{rel}' link in {resource.ToJsonString()}");

    public static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo((int)status));
            Assert.That(problem["type"]?.GetValue<string>(), Is.Not.Empty);
            Assert.That(problem["title"]?.GetValue<string>(), Is.Not.Empty);
            Assert.That(problem["detail"]?.GetValue<string>(), Is.Not.Empty);
            Assert.That(problem["instance"]?.GetValue<string>(), Does.StartWith("/"));
            Assert.That(problem["traceId"]?.GetValue<string>(), Does.Match("^[0-9a-f]{32}$"));
        });
        return problem;
    }

    public Task<HttpResponseMessage> PostJsonAsync<T>(string url, T value) => Http.PostAsJsonAsync(url, value);
}
