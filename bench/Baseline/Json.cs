using System.Text.Json;
using System.Text.Json.Serialization;

namespace Baseline;

/// <summary>A post with the fields the service shows for one (without its HAL links).</summary>
public sealed record Post(
    Guid Id, string Title, string Body, string[] Tags, string Status, DateTime? PublishedDate, string AuthorName, DateTime PostedDate,
    DateTime UpdatedDate, int CommentCount)
{
    /// <summary>Every post the app shows is public: published, at a date that has come.</summary>
    public const string Published = "published";
}

/// <summary>A first page of posts, newest first, and how many public posts the list has in all.</summary>
public sealed record PostPage(long TotalItems, List<Post> Items);

public sealed record PostInput(string? Title, string? Body);

public sealed record Health(string Status);

public sealed record Author(Guid Id, string Name);

/// <summary>Every type the app writes or reads as JSON, serialized by generated code instead of reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Post))]
[JsonSerializable(typeof(PostPage))]
[JsonSerializable(typeof(PostInput))]
[JsonSerializable(typeof(Health))]
internal sealed partial class BaselineJson : JsonSerializerContext;

/// <summary>Dates and tags as the service stores them.</summary>
internal static class Dates
{
    public static DateTime FromMilliseconds(long ms) => DateTime.UnixEpoch.AddMilliseconds(ms);
}

internal static class StoredTags
{
    /// <summary>Posts.Tags: names separated by single spaces, '' for none.</summary>
    public static string[] Parse(string stored) => stored.Length == 0 ? [] : stored.Split(' ');
}
