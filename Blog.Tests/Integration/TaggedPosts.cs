using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Blog.Tests.Integration;

/// <summary>Tagged, draft and scheduled posts, and the tags as the service reports them, for the tag tests.</summary>
public static class TaggedPosts
{
    public const string MergePatch = "application/merge-patch+json";

    /// <summary>A tag name no other test uses: lower-case letters, digits and a '-'.</summary>
    public static string UniqueTag(string prefix = "t") => $"{prefix}-{Guid.NewGuid():N}"[..24];

    /// <summary>The JSON of a post body with tags, and publishing if given.</summary>
    public static string PostJson(IEnumerable<string?> tags, string? status = null, DateTimeOffset? publishedDate = null, string title = "Tagged", string body = "A post with tags")
    {
        var json = new JsonObject { ["title"] = title, ["body"] = body, ["tags"] = new JsonArray([.. tags.Select(tag => (JsonNode?)tag)]) };
        if (status is not null)
        {
            json["status"] = status;
        }

        if (publishedDate is { } at)
        {
            json["publishedDate"] = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        }

        return json.ToJsonString();
    }

    public static async Task<JsonNode> CreateTaggedPostAsync(
        this BlogClient client, string user, IEnumerable<string> tags, string? status = null, DateTimeOffset? publishedDate = null, string title = "Tagged", string body = "A post with tags")
    {
        using var response = await client.SendAsync(
            HttpMethod.Post, await client.RootLinkAsync("posts"), user, BlogClient.Json(PostJson(tags, status, publishedDate, title, body)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await BlogClient.ReadJsonAsync(response);
    }

    /// <summary>Merge-patches the post as its author and returns the new representation.</summary>
    public static async Task<JsonNode> PatchAsync(this BlogClient client, JsonNode post, string user, string json)
    {
        using var response = await client.SendAsync(HttpMethod.Patch, BlogClient.Href(post, "self"), user, BlogClient.Json(json, MergePatch));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await BlogClient.ReadJsonAsync(response);
    }

    /// <summary>The address of one tag: the root's tags link, then the name.</summary>
    public static async Task<string> TagHrefAsync(this BlogClient client, string name) =>
        $"{await client.RootLinkAsync("tags")}/{Uri.EscapeDataString(name)}";

    /// <summary>The tag's postCount, or 0 when the service answers that no public post has it (404, never a count of 0).</summary>
    public static async Task<int> PublicCountAsync(this BlogClient client, string name)
    {
        using var response = await client.Http.GetAsync(await client.TagHrefAsync(name));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return 0;
        }

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var count = (await BlogClient.ReadJsonAsync(response))["postCount"]!.GetValue<int>();
        Assert.That(count, Is.Positive, $"{name}: a tag no public post carries is 404, not a count of {count}");
        return count;
    }

    /// <summary>Every tag of <c>/tags</c> as (name, postCount), in its order, following next links.</summary>
    public static async Task<List<(string Name, int PostCount)>> AllTagsAsync(this BlogClient client, int size = 100)
    {
        var tags = new List<(string, int)>();
        var page = await client.GetJsonAsync($"{await client.RootLinkAsync("tags")}?size={size}");
        while (true)
        {
            tags.AddRange(Embedded(page).Select(tag => (tag["name"]!.GetValue<string>(), tag["postCount"]!.GetValue<int>())));
            if (page["_links"]!["next"] is null)
            {
                return tags;
            }

            page = await client.GetJsonAsync(BlogClient.Href(page, "next"));
        }
    }

    public static IEnumerable<JsonNode> Embedded(JsonNode page) => page["_embedded"]!["tags"]!.AsArray().Select(tag => tag!);

    public static IEnumerable<string> Names(JsonNode page) => Embedded(page).Select(tag => tag["name"]!.GetValue<string>());

    public static IEnumerable<string> PostIds(JsonNode page) => page["_embedded"]!["posts"]!.AsArray().Select(post => post!["id"]!.GetValue<string>());

    public static IEnumerable<string> TagsOf(JsonNode post) => post["tags"]!.AsArray().Select(tag => tag!.GetValue<string>());
}
