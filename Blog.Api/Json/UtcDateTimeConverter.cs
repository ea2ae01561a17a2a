using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Blog.Api.Json;

/// <summary>Dates are written as ISO 8601 in UTC to the millisecond, always with a 'Z': <c>2026-11-21T10:00:00.123Z</c>.</summary>
public sealed class UtcDateTimeConverter : JsonConverter<DateTime>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().UtcDateTime;

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture));
}
