using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Blog.Tests.Integration;

/// <summary>The requests of v2's publishing and revisions, on top of <see cref="BlogClient"/>.</summary>
public static class PublishingRequests
{
    public const string MergePatch = "application/merge-patch+json";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>An instant as the API writes one: UTC, to the millisecond, with a Z.</summary>
    public static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A clock's start for a test service: now, to the millisecond, so that stamped dates compare exactly.</summary>
    public static DateTimeOffset WholeMillisecondNow()
    {
        var now = DateTimeOffset.UtcNow;
        return now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMillisecond));
    }

    /// <summary>Creates a post from any members (camelCase), e.g. <c>new { title, body, status = "draft" }</c>.</summary>
    public static async Task<HttpResponseMessage> WritePostResponseAsync(
        this BlogClient client, string user, object request, Action<HttpRequestMessage>? configure = null) =>
        await client.SendAsync(HttpMethod.Post, await client.RootLinkAsync("posts"), user, BlogClient.Json(JsonSerializer.Serialize(request, Web)), configure);

    public static async Task<JsonNode> WritePostAsync(this BlogClient client, string user, object request)
    {
        using var response = await client.WritePostResponseAsync(user, request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await BlogClient.ReadJsonAsync(response);
    }

    public static async Task<HttpResponseMessage> PatchPostResponseAsync(this BlogClient client, JsonNode post, string user, string json) =>
        await client.SendAsync(HttpMethod.Patch, BlogClient.Href(post, "self"), user, BlogClient.Json(json, MergePatch));

    /// <summary>Sends a merge patch (raw JSON, so that a test can send nulls) and returns the patched post.</summary>
    public static async Task<JsonNode> PatchPostAsync(this BlogClient client, JsonNode post, string user, string json)
    {
        using var response = await client.PatchPostResponseAsync(post, user, json);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await BlogClient.ReadJsonAsync(response);
    }

    public static async Task<JsonNode> ReplacePostAsync(this BlogClient client, JsonNode post, string user, object request)
    {
        using var response = await client.SendAsync(HttpMethod.Put, BlogClient.Href(post, "self"), user, BlogClient.Json(JsonSerializer.Serialize(request, Web)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await BlogClient.ReadJsonAsync(response);
    }

    /// <summary>A GET as <paramref name="user"/> (anonymous when null) that must answer 200.</summary>
    public static async Task<JsonNode> GetJsonAsAsync(this BlogClient client, string url, string? user)
    {
        using var response = await client.SendAsync(HttpMethod.Get, url, user);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{url}: {await response.Content.ReadAsStringAsync()}");
        return await BlogClient.ReadJsonAsync(response);
    }

    public static async Task<HttpStatusCode> StatusOfAsync(this BlogClient client, string url, string? user = null)
    {
        using var response = await client.SendAsync(HttpMethod.Get, url, user);
        return response.StatusCode;
    }

    /// <summary>The signed-in user's own posts, through the <c>myPosts</c> link of the root.</summary>
    public static async Task<string> MyPostsLinkAsync(this BlogClient client) => await client.RootLinkAsync("myPosts");

    public static string Id(JsonNode post) => post["id"]!.GetValue<string>();

    /// <summary>The ids of the items embedded in a page under <paramref name="rel"/>.</summary>
    public static List<string> Ids(JsonNode page, string rel = "posts") =>
        [.. page["_embedded"]![rel]!.AsArray().Select(item => item!["id"]!.GetValue<string>())];

    public static int TotalItems(JsonNode page) => page["totalItems"]!.GetValue<int>();

    /// <summary>Every item of a listing, following its <c>next</c> links from <paramref name="url"/>.</summary>
    public static async Task<List<JsonNode>> AllItemsAsync(this BlogClient client, string url, string? user, string rel = "posts")
    {
        var items = new List<JsonNode>();
        var page = await client.GetJsonAsAsync(url, user);
        while (true)
        {
            items.AddRange(page["_embedded"]![rel]!.AsArray().Select(item => item!));
            if (page["_links"]!["next"] is null)
            {
                return items;
            }

            page = await client.GetJsonAsAsync(BlogClient.Href(page, "next"), user);
        }
    }
}
