using System.Text.Json.Serialization;

namespace Blog.Api.Hal;

/// <summary>One page of a HAL collection; <c>_embedded</c> holds its items under the collection's name (<c>posts</c>, <c>users</c>).</summary>
public sealed record HalPage<TEmbedded>(
    [property: JsonPropertyName("_links")] PageLinks Links,
    int Size,
    int TotalItems,
    [property: JsonPropertyName("_embedded")] TEmbedded Embedded);
