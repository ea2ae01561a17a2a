using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Blog.Tests.OpenApi;

/// <summary>
/// Validates JSON against the schemas of an OpenAPI 3.0 document with JsonSchema.Net. OpenAPI 3.0's schema object
/// is not quite JSON Schema, so each schema is first rewritten as JSON Schema 2020-12: <c>example</c> becomes <c>examples</c>, <c>nullable: true</c> becomes
/// a <c>"null"</c> type (or an <c>anyOf</c> with null beside a <c>$ref</c>), boolean <c>exclusiveMinimum</c>/<c>Maximum</c>
/// become numbers, and <c>#/components/schemas/X</c> becomes <c>#/$defs/X</c>. Formats are asserted, and
/// <c>date-time</c> is the contract's: UTC with a <c>Z</c>.
/// </summary>
public sealed class OpenApiSchemaValidator
{
    private const string ComponentsPrefix = "#/components/schemas/";

    private readonly JsonObject definitions;
    private readonly BuildOptions buildOptions = new() { SchemaRegistry = new SchemaRegistry() };
    private readonly EvaluationOptions evaluationOptions = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
    private readonly Dictionary<string, JsonSchema> built = new(StringComparer.Ordinal);
    private int nextId;

    public OpenApiSchemaValidator(JsonNode document)
    {
        definitions = new JsonObject();
        foreach (var (name, schema) in document["components"]?["schemas"]?.AsObject() ?? [])
        {
            definitions[name] = ToJsonSchema(schema);
        }

        evaluationOptions.FormatRegistry.Register(new UtcDateTimeFormat());
    }

    /// <summary>Every way <paramref name="instance"/> breaks <paramref name="schema"/>, each prefixed by its JSON path.</summary>
    public IReadOnlyList<string> Validate(JsonNode? instance, JsonNode schema, string path = "$")
    {
        var results = Build(schema).Evaluate(JsonSerializer.SerializeToElement(instance), evaluationOptions);
        if (results.IsValid)
        {
            return [];
        }

        var failed = (results.Details ?? [results]).Where(detail => !detail.IsValid).ToList();
        List<string> errors =
        [
            .. failed.Where(detail => detail.Errors is { Count: > 0 })
                .SelectMany(detail => detail.Errors!.Select(error => $"{path}{JsonPath(detail.InstanceLocation.ToString())}: {error.Key}: {error.Value}"))
                .Distinct(),
        ];

        // Some keywords (oneOf matching twice) fail without a message of their own: name where they failed.
        return errors.Count > 0
            ? errors
            : [.. failed.Select(detail => $"{path}{JsonPath(detail.InstanceLocation.ToString())}: fails {detail.EvaluationPath}").Distinct()];
    }

    private JsonSchema Build(JsonNode schema)
    {
        var key = schema.ToJsonString();
        lock (built)
        {
            if (!built.TryGetValue(key, out var found))
            {
                var root = ToJsonSchema(schema) is JsonObject obj ? obj : new JsonObject { ["allOf"] = new JsonArray(ToJsonSchema(schema)) };
                root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
                root["$defs"] = definitions.DeepClone();
                found = JsonSchema.FromText(root.ToJsonString(), buildOptions, new Uri($"https://blog.test/openapi/{nextId++}"));
                built[key] = found;
            }

            return found;
        }
    }

    /// <summary>One OpenAPI 3.0 schema object as JSON Schema 2020-12 (see the class summary).</summary>
    public static JsonNode? ToJsonSchema(JsonNode? node)
    {
        if (node is not JsonObject source)
        {
            return node?.DeepClone();
        }

        var schema = new JsonObject();
        foreach (var (key, value) in source.Where(member => !IsOpenApiAnnotation(member.Key)))
        {
            schema[key] = key switch
            {
                "$ref" when value!.GetValue<string>().StartsWith(ComponentsPrefix, StringComparison.Ordinal) =>
                    "#/$defs/" + value.GetValue<string>()[ComponentsPrefix.Length..],
                "properties" => new JsonObject(value!.AsObject().Select(property => KeyValuePair.Create(property.Key, ToJsonSchema(property.Value)))),
                "items" or "additionalProperties" or "not" => ToJsonSchema(value),
                "allOf" or "anyOf" or "oneOf" => new JsonArray([.. value!.AsArray().Select(ToJsonSchema)]),
                _ => value?.DeepClone(),
            };
        }

        if (source.TryGetPropertyValue("example", out var example))
        {
            schema["examples"] = new JsonArray(example?.DeepClone());
        }

        ExclusiveBoundAsNumber(schema, "exclusiveMinimum", "minimum");
        ExclusiveBoundAsNumber(schema, "exclusiveMaximum", "maximum");
        return schema.Remove("nullable", out var nullable) && nullable?.GetValue<bool>() == true ? AllowNull(schema) : schema;
    }

    /// <summary>
    /// Keywords of OpenAPI's schema object that JSON Schema 2020-12 does not have and that never constrain a value.
    /// Any other unknown keyword makes JsonSchema.Net refuse the schema, so nothing is passed unchecked.
    /// </summary>
    private static bool IsOpenApiAnnotation(string keyword) =>
        keyword is "example" or "xml" or "externalDocs" or "discriminator" || keyword.StartsWith("x-", StringComparison.Ordinal);

    private static JsonObject AllowNull(JsonObject schema)
    {
        if (schema["type"] is JsonValue type)
        {
            schema["type"] = new JsonArray(type.GetValue<string>(), "null");
            if (schema["enum"] is JsonArray values)
            {
                values.Add(null);
            }

            return schema;
        }

        return new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, schema) };
    }

    /// <summary>OpenAPI 3.0 writes <c>exclusiveMinimum: true</c> beside <c>minimum</c>; 2020-12 wants the bound itself.</summary>
    private static void ExclusiveBoundAsNumber(JsonObject schema, string exclusive, string bound)
    {
        if (schema[exclusive] is JsonValue flag && flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            schema.Remove(exclusive);
            if (flag.GetValue<bool>() && schema[bound] is { } limit)
            {
                schema.Remove(bound);
                schema[exclusive] = limit.DeepClone();
            }
        }
    }

    /// <summary>"/posts/1/title" as "$.posts[1].title".</summary>
    private static string JsonPath(string pointer) =>
        string.Concat(pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(token => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
            .Select(token => int.TryParse(token, out _) ? $"[{token}]" : $".{token}"));
}
