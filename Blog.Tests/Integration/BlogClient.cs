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

    public HttpClient Http { get; } = http;

    public static AuthenticationHeaderValue Basic(string username, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));

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

    public async Task<HttpResponseMessage> CreatePostResponseAsync(string user, string title = "Hello", string body = "World", Action<HttpRequestMessage>? configure = null) =>
        await SendAsync(HttpMethod.Post, await RootLinkAsync("posts"), user, Json(JsonSerializer.Serialize(new { title, body })), configure);

    /// <summary>Creates a post and returns its representation.</summary>
    public async Task<JsonNode> CreatePostAsync(string user, string title = "Hello", string body = "World")
    {
        using var response = await CreatePostResponseAsync(user, title, body);
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
