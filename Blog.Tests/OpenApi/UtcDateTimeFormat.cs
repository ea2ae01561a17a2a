using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Blog.Tests.OpenApi;

/// <summary>The contract's <c>date-time</c>: ISO 8601 in UTC with a <c>Z</c>, stricter than RFC 3339's offsets.</summary>
public sealed partial class UtcDateTimeFormat() : Format("date-time")
{
    public override bool Validate(JsonElement element, out string? errorMessage)
    {
        var valid = element.ValueKind != JsonValueKind.String
            || (UtcDateTime().IsMatch(element.GetString()!)
                && DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));
        errorMessage = valid ? null : $"{element} is not an ISO 8601 date-time in UTC with a Z";
        return valid;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$")]
    private static partial Regex UtcDateTime();
}
