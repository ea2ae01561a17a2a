using System.Text.Json;

namespace Blog.Api.Json;

/// <summary>One set of JSON settings for MVC bodies and for problem bodies alike.</summary>
public static class JsonDefaults
{
    /// <summary>Deep enough for any real request; deeper nesting is refused as malformed.</summary>
    public const int MaxDepth = 32;

    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.MaxDepth = MaxDepth;
        options.Converters.Add(new UtcDateTimeConverter());
    }
}
