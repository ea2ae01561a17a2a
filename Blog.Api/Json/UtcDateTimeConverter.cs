using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Blog.Api.Json;

/// <summary>Dates are written as ISO 8601 in UTC to the millisecond, always with a 'Z': <c>2026-11-21T10:00:00.123Z</c>.</summary>
/// <remarks>
/// A date read from a client (a post's <c>publishedDate</c>) must name its offset, a 'Z' or e.g. <c>+02:00</c>: without
/// one it names no instant, and reading it in the server's own time zone would make it mean something else on each
/// server.
/// </remarks>
public sealed class UtcDateTimeConverter : JsonConverter<DateTime>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTime().Kind == DateTimeKind.Unspecified
            ? throw new JsonException("A date must name its offset: end it with Z (UTC) or an offset such as +02:00.")
            : reader.GetDateTimeOffset().UtcDateTime;

    /// <remarks>Formatted on the stack: a page writes three dates a post.</remarks>
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        Span<byte> utf8 = stackalloc byte[Format.Length];
        if (!value.ToUniversalTime().TryFormat(utf8, out var written, Format, CultureInfo.InvariantCulture))
        {
            throw new FormatException($"The date {value:O} does not fit its format.");
        }

        writer.WriteStringValue(utf8[..written]);
    }
}
