using System.Net;
using System.Text.Json.Nodes;

namespace Blog.Tests.OpenApi;

/// <summary>One operation of the document: its method (upper case), its path template and its JSON.</summary>
public sealed record DocumentedOperation(string Method, string Template, JsonObject Operation, JsonObject PathItem)
{
    public string Name => $"{Method} {Template}";
}

/// <summary>The service's OpenAPI document as plain JSON, with the look-ups the conformance checks need.</summary>
public sealed class OpenApiSpec
{
    public const string DocumentUrl = "/swagger/v1/swagger.json";

    private static readonly string[] OperationMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private OpenApiSpec(JsonObject root)
    {
        Root = root;
        Validator = new OpenApiSchemaValidator(root);
    }

    public JsonObject Root { get; }

    public OpenApiSchemaValidator Validator { get; }

    /// <summary>"3.0.4", "3.1.1", ...: 3.0 marks null with <c>nullable</c>, 3.1 with a <c>type</c> array.</summary>
    public string Version => Root["openapi"]?.GetValue<string>() ?? "(no openapi member)";

    public IEnumerable<DocumentedOperation> Operations =>
        from path in Root["paths"]?.AsObject() ?? []
        let item = Deref(path.Value!)
        from method in OperationMethods
        where item[method] is JsonObject
        select new DocumentedOperation(method.ToUpperInvariant(), path.Key, item[method]!.AsObject(), item);

    public static async Task<OpenApiSpec> LoadAsync(HttpClient http)
    {
        using var response = await http.GetAsync(DocumentUrl);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        return new OpenApiSpec(JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>
    /// The operation a request would reach: same method, and a path template whose literal segments equal the
    /// request's and whose <c>{parameters}</c> take one segment each. Literal segments beat parameters.
    /// </summary>
    public DocumentedOperation? Find(string method, string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return Operations
            .Where(operation => operation.Method.Equals(method, StringComparison.OrdinalIgnoreCase))
            .Select(operation => (operation, literals: MatchingLiterals(operation.Template, segments)))
            .Where(candidate => candidate.literals >= 0)
            .OrderByDescending(candidate => candidate.literals)
            .Select(candidate => candidate.operation)
            .FirstOrDefault();
    }

    /// <summary>A response, parameter, header or path item, with a <c>$ref</c> to components followed.</summary>
    public JsonObject Deref(JsonNode node)
    {
        for (var hops = 0; node is JsonObject obj && obj["$ref"] is JsonValue reference; hops++)
        {
            Assert.That(hops, Is.LessThan(16), $"a $ref cycle at {reference}");
            node = Resolve(reference.GetValue<string>());
        }

        return node.AsObject();
    }

    /// <summary>A copy of this document with one component schema changed, to show what a wrong document makes the checks say.</summary>
    public OpenApiSpec WithSchema(string name, Action<JsonObject> change)
    {
        var root = Root.DeepClone().AsObject();
        change(root["components"]!["schemas"]![name]!.AsObject());
        return new OpenApiSpec(root);
    }

    /// <summary>What a local reference such as <c>#/components/responses/X</c> points at.</summary>
    public JsonNode Resolve(string reference)
    {
        Assert.That(reference, Does.StartWith("#/"), "only local references are supported");
        JsonNode node = Root;
        foreach (var raw in reference[2..].Split('/'))
        {
            var token = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node is JsonObject obj && obj[token] is { } next
                ? next
                : throw new KeyNotFoundException($"The reference '{reference}' does not resolve (no '{token}').");
        }

        return node;
    }

    /// <summary>The parameters of the operation and of its path item, the operation's winning on a clash.</summary>
    public IReadOnlyList<JsonObject> Parameters(DocumentedOperation operation)
    {
        var all = new Dictionary<(string, string), JsonObject>();
        foreach (var source in new[] { operation.PathItem["parameters"], operation.Operation["parameters"] })
        {
            foreach (var parameter in source?.AsArray() ?? [])
            {
                var resolved = Deref(parameter!);
                all[(resolved["in"]!.GetValue<string>(), resolved["name"]!.GetValue<string>())] = resolved;
            }
        }

        return [.. all.Values];
    }

    /// <summary>The response documented for a status: the exact code, else its range (<c>4XX</c>), else <c>default</c>.</summary>
    public JsonObject? Response(DocumentedOperation operation, int status)
    {
        var responses = operation.Operation["responses"]?.AsObject();
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var found = responses?[code] ?? responses?[$"{code[0]}XX"] ?? responses?[$"{code[0]}xx"] ?? responses?["default"];
        return found is null ? null : Deref(found);
    }

    /// <summary>
    /// The security requirements that apply to an operation: its own <c>security</c> if it has one (an empty
    /// array means none), else the document's.
    /// </summary>
    public JsonArray Security(DocumentedOperation operation) =>
        (operation.Operation["security"] ?? Root["security"])?.AsArray() ?? [];

    /// <summary>
    /// Every example the document shows, with the schema it illustrates: <c>example</c> on a schema (OpenAPI 3.0),
    /// <c>examples</c> on a schema (3.1, an array), and <c>example</c>/<c>examples</c> on a media type or parameter.
    /// </summary>
    public IEnumerable<(string Where, JsonNode? Example, JsonNode Schema)> Examples() => ExamplesIn(Root, "#");

    private static IEnumerable<(string, JsonNode?, JsonNode)> ExamplesIn(JsonNode? node, string where)
    {
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                foreach (var found in ExamplesIn(array[i], $"{where}/{i}"))
                {
                    yield return found;
                }
            }

            yield break;
        }

        if (node is not JsonObject obj)
        {
            yield break;
        }

        var hasSchema = obj["schema"] is not null;
        var schema = hasSchema ? obj["schema"]! : obj;
        if (obj.ContainsKey("example"))
        {
            yield return ($"{where}/example", obj["example"], schema);
        }

        switch (obj["examples"])
        {
            case JsonArray values when !hasSchema:
                for (var i = 0; i < values.Count; i++)
                {
                    yield return ($"{where}/examples/{i}", values[i], schema);
                }

                break;
            case JsonObject named when hasSchema:
                foreach (var (name, example) in named)
                {
                    if (example is JsonObject { } value && value.ContainsKey("value"))
                    {
                        yield return ($"{where}/examples/{name}", value["value"], schema);
                    }
                }

                break;
        }

        foreach (var (key, child) in obj)
        {
            if (key is not ("example" or "examples"))
            {
                foreach (var found in ExamplesIn(child, $"{where}/{key}"))
                {
                    yield return found;
                }
            }
        }
    }

    private static int MatchingLiterals(string template, string[] segments)
    {
        var parts = template.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != segments.Length)
        {
            return -1;
        }

        var literals = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].StartsWith('{') && parts[i].EndsWith('}'))
            {
                continue;
            }

            if (!parts[i].Equals(Uri.UnescapeDataString(segments[i]), StringComparison.Ordinal))
            {
                return -1;
            }

            literals++;
        }

        return literals;
    }
}
