using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace Blog.Api.OpenApi;

/// <summary>What a validator demands of one member, in the terms of an OpenAPI schema.</summary>
public sealed partial class MemberLimits
{
    /// <summary>NotNull or NotEmpty with no condition: the member must be there.</summary>
    public bool Required { get; set; }

    /// <summary>NotNull or NotEmpty, even under a condition (a merge patch's "when present"): never null.</summary>
    public bool NonNull { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    /// <summary>An ECMA-262 pattern, as JSON Schema reads it.</summary>
    public string? Pattern { get; set; }

    public decimal? Minimum { get; set; }

    public decimal? Maximum { get; set; }

    /// <summary>The values a member may take (a <c>OneOf</c> rule on it, such as a post's <c>status</c>).</summary>
    public IReadOnlyList<string>? Values { get; set; }

    /// <summary>The values each item of a list may take (a <c>OneOf</c> rule on its items).</summary>
    public IReadOnlyList<string>? ItemValues { get; set; }

    public void ApplyTo(OpenApiSchema schema)
    {
        if (NonNull && schema.Type is { } type)
        {
            schema.Type = type & ~JsonSchemaType.Null;
        }

        if (schema.Type?.HasFlag(JsonSchemaType.Array) == true)
        {
            // A length rule on a list counts its items.
            schema.MinItems = MinLength ?? schema.MinItems;
            schema.MaxItems = MaxLength ?? schema.MaxItems;
            if (ItemValues is { } values && schema.Items is OpenApiSchema items)
            {
                items.Type &= ~JsonSchemaType.Null;
                items.Enum = [.. values.Select(value => (JsonNode)JsonValue.Create(value))];
            }
        }
        else
        {
            schema.MinLength = MinLength ?? schema.MinLength;
            schema.MaxLength = MaxLength ?? schema.MaxLength;
            if (Values is { } values)
            {
                // A member that may be null (left out, as a null) lists null too: JSON Schema holds a null against the enum.
                var allowsNull = schema.Type?.HasFlag(JsonSchemaType.Null) == true;
                schema.Enum = [.. values.Select(value => (JsonNode)JsonValue.Create(value)), .. allowsNull ? new JsonNode[] { null! } : []];
            }
        }

        schema.Pattern = Pattern ?? schema.Pattern;
        schema.Minimum = Minimum?.ToString(CultureInfo.InvariantCulture) ?? schema.Minimum;
        schema.Maximum = Maximum?.ToString(CultureInfo.InvariantCulture) ?? schema.Maximum;
    }

    /// <summary>
    /// .NET's <c>\A</c>, <c>\z</c> and <c>\Z</c> are not ECMA-262; without a multiline flag ECMA's <c>^</c> and
    /// <c>$</c> anchor at the ends of the whole string, which is what they mean.
    /// </summary>
    public static string ToEcmaPattern(string dotnetPattern) =>
        DotnetAnchors().Replace(dotnetPattern, match => match.Value switch
        {
            @"\A" => "^",
            @"\z" or @"\Z" => "$",
            _ => match.Value,
        });

    // An escaped backslash is matched first, so that "\\z" (a backslash, then z) is left alone.
    [GeneratedRegex(@"\\\\|\\A|\\z|\\Z")]
    private static partial Regex DotnetAnchors();
}
