using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Blog.Tests.OpenApi;

/// <summary>
/// Checks a JSON value against a schema of an OpenAPI document, for the subset of JSON Schema the blog's
/// document uses: <c>$ref</c> (local JSON pointers), <c>type</c> (a name or, as OpenAPI 3.1 writes it, an array
/// that may hold <c>"null"</c>), <c>nullable</c> (OpenAPI 3.0), <c>properties</c>, <c>required</c>,
/// <c>additionalProperties</c>, <c>items</c>, <c>enum</c>, <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>, the string and
/// number bounds, and the formats <c>date-time</c> (UTC, with a <c>Z</c>, as the contract says), <c>uuid</c>,
/// <c>int32</c> and <c>int64</c>. A keyword that would constrain a value but is not understood here is reported as
/// an error rather than skipped, so the validator never passes a body it did not really check.
/// </summary>
public sealed partial class SchemaValidator(JsonNode document)
{
    private const int MaxDepth = 64;

    /// <summary>Keywords that describe but never constrain a value.</summary>
    private static readonly HashSet<string> Annotations =
    [
        "title", "description", "example", "examples", "default", "deprecated", "readOnly", "writeOnly",
        "externalDocs", "xml", "discriminator", "$comment", "$schema", "$id", "contentMediaType", "contentEncoding",
    ];

    private static readonly HashSet<string> Understood =
    [
        "$ref", "type", "nullable", "properties", "required", "additionalProperties", "items", "enum", "const", "format",
        "allOf", "anyOf", "oneOf", "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "minItems", "maxItems",
    ];

    /// <summary>Every way <paramref name="instance"/> breaks <paramref name="schema"/>, each prefixed by its JSON path.</summary>
    public IReadOnlyList<string> Validate(JsonNode? instance, JsonNode schema, string path = "$") => Collect(instance, schema, path, 0);

    private List<string> Collect(JsonNode? instance, JsonNode schema, string path, int depth)
    {
        var errors = new List<string>();
        Check(instance, schema, path, errors, depth);
        return errors;
    }

    /// <summary>The schema a local reference such as <c>#/components/schemas/PostDto</c> points at.</summary>
    public JsonNode Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Only local references are supported, not '{reference}'.");
        }

        var node = document;
        foreach (var raw in reference[2..].Split('/'))
        {
            var token = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node is JsonObject obj && obj[token] is { } next
                ? next
                : throw new KeyNotFoundException($"The reference '{reference}' does not resolve (no '{token}').");
        }

        return node;
    }

    private void Check(JsonNode? instance, JsonNode schema, string path, List<string> errors, int depth)
    {
        if (depth > MaxDepth)
        {
            errors.Add($"{path}: schema references nest deeper than {MaxDepth}; is there a $ref cycle?");
            return;
        }

        if (schema is JsonValue boolean && boolean.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            if (!boolean.GetValue<bool>())
            {
                errors.Add($"{path}: no value is allowed here (schema false).");
            }

            return;
        }

        if (schema is not JsonObject keywords)
        {
            errors.Add($"{path}: the schema is not an object but {schema.ToJsonString()}.");
            return;
        }

        foreach (var (keyword, _) in keywords)
        {
            if (!Understood.Contains(keyword) && !Annotations.Contains(keyword) && !keyword.StartsWith("x-", StringComparison.Ordinal))
            {
                errors.Add($"{path}: the schema keyword '{keyword}' is not supported by this validator.");
            }
        }

        // OpenAPI 3.0: "nullable": true admits null whatever else the schema says, $ref and allOf included.
        if (instance is null && keywords["nullable"] is JsonValue nullable && nullable.GetValueKind() == JsonValueKind.True)
        {
            return;
        }

        if (keywords["$ref"] is JsonValue reference)
        {
            Check(instance, Resolve(reference.GetValue<string>()), path, errors, depth + 1);
        }

        CheckType(instance, keywords, path, errors);
        CheckEnum(instance, keywords, path, errors);
        CheckCombinators(instance, keywords, path, errors, depth);

        switch (instance)
        {
            case JsonObject obj:
                CheckObject(obj, keywords, path, errors, depth);
                break;
            case JsonArray array:
                CheckArray(array, keywords, path, errors, depth);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                CheckString(value.GetValue<string>(), keywords, path, errors);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                CheckNumber(value, keywords, path, errors);
                break;
        }
    }

    private static void CheckType(JsonNode? instance, JsonObject keywords, string path, List<string> errors)
    {
        List<string>? declared = keywords["type"] switch
        {
            null => null,
            JsonArray names => names.Select(name => name!.GetValue<string>()).ToList(),
            var name => [name.GetValue<string>()],
        };
        if (declared is null)
        {
            return;
        }

        var actual = TypeOf(instance);
        var matches = declared.Any(type => type == actual || (type == "number" && actual == "integer"));
        if (!matches)
        {
            var nullableNote = instance is null ? " (and the schema is not nullable)" : "";
            errors.Add($"{path}: expected {string.Join(" or ", declared)} but found {actual}{nullableNote}: {Show(instance)}.");
        }
    }

    private static void CheckEnum(JsonNode? instance, JsonObject keywords, string path, List<string> errors)
    {
        if (keywords["enum"] is JsonArray allowed && !allowed.Any(value => JsonNode.DeepEquals(value, instance)))
        {
            errors.Add($"{path}: {Show(instance)} is not one of {allowed.ToJsonString()}.");
        }

        if (keywords.ContainsKey("const") && !JsonNode.DeepEquals(keywords["const"], instance))
        {
            errors.Add($"{path}: {Show(instance)} is not the constant {Show(keywords["const"])}.");
        }
    }

    private void CheckCombinators(JsonNode? instance, JsonObject keywords, string path, List<string> errors, int depth)
    {
        if (keywords["allOf"] is JsonArray allOf)
        {
            foreach (var part in allOf)
            {
                Check(instance, part!, path, errors, depth + 1);
            }
        }

        if (keywords["anyOf"] is JsonArray anyOf)
        {
            var failures = anyOf.Select(part => Collect(instance, part!, path, depth + 1)).ToList();
            if (failures.All(failure => failure.Count > 0))
            {
                errors.Add($"{path}: matches none of anyOf: [{string.Join("] or [", failures.Select(failure => string.Join("; ", failure)))}].");
            }
        }

        if (keywords["oneOf"] is JsonArray oneOf)
        {
            var failures = oneOf.Select(part => Collect(instance, part!, path, depth + 1)).ToList();
            var matched = failures.Count(failure => failure.Count == 0);
            if (matched != 1)
            {
                errors.Add(matched == 0
                    ? $"{path}: matches none of oneOf: [{string.Join("] or [", failures.Select(failure => string.Join("; ", failure)))}]."
                    : $"{path}: matches {matched} of oneOf's schemas; exactly one is allowed.");
            }
        }
    }

    private void CheckObject(JsonObject obj, JsonObject keywords, string path, List<string> errors, int depth)
    {
        if (keywords["required"] is JsonArray required)
        {
            foreach (var name in required.Select(name => name!.GetValue<string>()).Where(name => !obj.ContainsKey(name)))
            {
                errors.Add($"{path}: the required property '{name}' is missing.");
            }
        }

        var properties = keywords["properties"] as JsonObject;
        var additional = keywords["additionalProperties"];
        foreach (var (name, value) in obj)
        {
            var memberPath = $"{path}.{name}";
            if (properties?[name] is { } propertySchema)
            {
                Check(value, propertySchema, memberPath, errors, depth + 1);
            }
            else if (additional is JsonValue allowed && allowed.GetValueKind() == JsonValueKind.False)
            {
                errors.Add($"{memberPath}: the property '{name}' is not declared and additionalProperties is false.");
            }
            else if (additional is JsonObject additionalSchema)
            {
                Check(value, additionalSchema, memberPath, errors, depth + 1);
            }
        }
    }

    private void CheckArray(JsonArray array, JsonObject keywords, string path, List<string> errors, int depth)
    {
        if (keywords["items"] is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(array[i], items, $"{path}[{i}]", errors, depth + 1);
            }
        }

        if (keywords["minItems"] is JsonValue minItems && array.Count < minItems.GetValue<int>())
        {
            errors.Add($"{path}: {array.Count} items, fewer than minItems {minItems}.");
        }

        if (keywords["maxItems"] is JsonValue maxItems && array.Count > maxItems.GetValue<int>())
        {
            errors.Add($"{path}: {array.Count} items, more than maxItems {maxItems}.");
        }
    }

    private static void CheckString(string text, JsonObject keywords, string path, List<string> errors)
    {
        var length = new StringInfo(text).LengthInTextElements;
        if (keywords["minLength"] is JsonValue minLength && length < minLength.GetValue<int>())
        {
            errors.Add($"{path}: \"{text}\" is shorter than minLength {minLength}.");
        }

        if (keywords["maxLength"] is JsonValue maxLength && length > maxLength.GetValue<int>())
        {
            errors.Add($"{path}: a string of {length} characters is longer than maxLength {maxLength}.");
        }

        if (keywords["pattern"] is JsonValue pattern && !Regex.IsMatch(text, pattern.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{path}: \"{text}\" does not match the pattern {pattern}.");
        }

        switch (keywords["format"]?.GetValue<string>())
        {
            case "date-time" when !IsUtcDateTime(text):
                errors.Add($"{path}: \"{text}\" is not an ISO 8601 date-time in UTC with a Z.");
                break;
            case "uuid" when !CanonicalUuid().IsMatch(text):
                errors.Add($"{path}: \"{text}\" is not a UUID in the canonical hyphenated form.");
                break;
        }
    }

    private static void CheckNumber(JsonValue value, JsonObject keywords, string path, List<string> errors)
    {
        var number = double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        switch (keywords["format"]?.GetValue<string>())
        {
            case "int32" when number is < int.MinValue or > int.MaxValue:
                errors.Add($"{path}: {value.ToJsonString()} is outside int32.");
                break;
            case "int64" when number is < long.MinValue or > long.MaxValue:
                errors.Add($"{path}: {value.ToJsonString()} is outside int64.");
                break;
        }

        if (keywords["minimum"] is JsonValue minimum && number < minimum.GetValue<double>())
        {
            errors.Add($"{path}: {number} is less than minimum {minimum}.");
        }

        if (keywords["maximum"] is JsonValue maximum && number > maximum.GetValue<double>())
        {
            errors.Add($"{path}: {number} is more than maximum {maximum}.");
        }

        // OpenAPI 3.1 (JSON Schema 2020-12) makes these numbers; OpenAPI 3.0 makes them flags on minimum/maximum.
        if (keywords["exclusiveMinimum"] is JsonValue exclusiveMinimum)
        {
            var bound = exclusiveMinimum.GetValueKind() == JsonValueKind.Number ? exclusiveMinimum.GetValue<double>() : (exclusiveMinimum.GetValue<bool>() ? keywords["minimum"]?.GetValue<double>() : null);
            if (bound is { } limit && number <= limit)
            {
                errors.Add($"{path}: {number} is not more than the exclusive minimum {limit}.");
            }
        }

        if (keywords["exclusiveMaximum"] is JsonValue exclusiveMaximum)
        {
            var bound = exclusiveMaximum.GetValueKind() == JsonValueKind.Number ? exclusiveMaximum.GetValue<double>() : (exclusiveMaximum.GetValue<bool>() ? keywords["maximum"]?.GetValue<double>() : null);
            if (bound is { } limit && number >= limit)
            {
                errors.Add($"{path}: {number} is not less than the exclusive maximum {limit}.");
            }
        }
    }

    private static string TypeOf(JsonNode? instance) => instance switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => instance.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => IsWhole(instance.ToJsonString()) ? "integer" : "number",
            var kind => kind.ToString(),
        },
    };

    private static bool IsWhole(string number) =>
        decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value == decimal.Truncate(value)
            : double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var big) && Math.Floor(big) == big;

    private static bool IsUtcDateTime(string text) =>
        UtcDateTime().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    private static string Show(JsonNode? node)
    {
        var json = node?.ToJsonString() ?? "null";
        return json.Length <= 80 ? json : json[..77] + "...";
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$")]
    private static partial Regex UtcDateTime();

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex CanonicalUuid();
}
