using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Blog.Tests.OpenApi;

/// <summary>
/// Holds real responses of the service against the document and collects every disagreement, each naming the
/// operation and status, so that one run reports all of them rather than the first.
/// </summary>
public sealed class ResponseConformance(OpenApiSpec spec)
{
    /// <summary>
    /// Headers of the transport or of every response, which an API description does not list. Every other header
    /// the service sends (ETag, Location, WWW-Authenticate, Retry-After, ...) must be declared on its response.
    /// </summary>
    private static readonly HashSet<string> GenericHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "Server", "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Type", "Content-Length",
        "X-Content-Type-Options", "Cache-Control", "Expires", "Pragma", "Vary",
    };

    /// <summary>Request headers the tests send on purpose that change the answer; a client can only send them if they are declared.</summary>
    private static readonly string[] MeaningfulRequestHeaders = ["If-Match", "If-None-Match", "Idempotency-Key"];

    private readonly List<string> failures = [];
    private readonly SortedSet<string> pairs = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Failures => failures;

    /// <summary>The (operation, status) pairs checked, as "GET /posts/{id} 304".</summary>
    public IReadOnlyCollection<string> Pairs => pairs;

    /// <summary>Checks one response, after making sure the service gave the status the test meant to drive.</summary>
    public async Task CheckAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var request = response.RequestMessage ?? throw new InvalidOperationException("The response has no request.");
        var uri = request.RequestUri!;
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        var label = $"{request.Method} {uri.AbsolutePath} {status}";
        if (response.StatusCode != expected)
        {
            failures.Add($"{label}: the test meant to drive {(int)expected} but the service answered {status}: {Shorten(body)}");
            return;
        }

        var operation = spec.Find(request.Method.Method, uri.AbsolutePath);
        if (operation is null)
        {
            failures.Add($"{label}: the document has no operation {request.Method} for the path {uri.AbsolutePath}.");
            return;
        }

        label = $"{operation.Name} {status}";
        pairs.Add(label);
        CheckRequest(label, operation, request, status);

        var documented = spec.Response(operation, status);
        if (documented is null)
        {
            var statuses = operation.Operation["responses"]?.AsObject().Select(entry => entry.Key) ?? [];
            failures.Add($"{label}: status {status} is not documented (documented: {string.Join(", ", statuses)}).");
            return;
        }

        CheckBody(label, documented, response, body, request.Method == HttpMethod.Head);
        CheckHeaders(label, documented, response);
    }

    private void CheckRequest(string label, DocumentedOperation operation, HttpRequestMessage request, int status)
    {
        var parameters = spec.Parameters(operation);
        var query = parameters.Where(p => p["in"]!.GetValue<string>() == "query").Select(p => p["name"]!.GetValue<string>()).ToList();
        foreach (var name in QueryNames(request.RequestUri!).Where(name => !query.Contains(name, StringComparer.Ordinal)))
        {
            failures.Add($"{label}: the request's query parameter '{name}' is not declared (declared: {string.Join(", ", query)}).");
        }

        var headers = parameters.Where(p => p["in"]!.GetValue<string>() == "header").Select(p => p["name"]!.GetValue<string>()).ToList();
        foreach (var name in MeaningfulRequestHeaders.Where(name => request.Headers.Contains(name) && !headers.Contains(name, StringComparer.OrdinalIgnoreCase)))
        {
            failures.Add($"{label}: the request header {name}, which the service honours, is not declared as a header parameter (declared: {string.Join(", ", headers)}).");
        }

        if (request.Content?.Headers.ContentType?.MediaType is not { } sent)
        {
            return;
        }

        var content = operation.Operation["requestBody"] is { } requestBody ? spec.Deref(requestBody)["content"]?.AsObject() : null;
        var accepted = content is null ? null : FindMedia(content, sent);
        if (status == (int)HttpStatusCode.UnsupportedMediaType && accepted is not null)
        {
            failures.Add($"{label}: the service refused a {sent} body but the document lists {sent} as accepted.");
        }
        else if (status is >= 200 and < 300)
        {
            if (accepted is null)
            {
                var listed = content?.Select(entry => entry.Key) ?? [];
                failures.Add($"{label}: the service accepted a {sent} body but the document does not list {sent} (lists: {string.Join(", ", listed)}).");
            }
            else if (accepted["schema"] is { } schema)
            {
                if (!request.Options.TryGetValue(RequestBodyRecorder.Body, out var text))
                {
                    failures.Add($"{label}: the request body was not recorded; send through {nameof(RequestBodyRecorder)}.");
                    return;
                }

                var json = JsonNode.Parse(text);
                foreach (var error in spec.Validator.Validate(json, schema, "$request"))
                {
                    failures.Add($"{label}: a request body the service accepted breaks the documented request schema: {error}");
                }
            }
        }
    }

    private void CheckBody(string label, JsonObject documented, HttpResponseMessage response, string body, bool isHead)
    {
        var content = documented["content"]?.AsObject();
        if (body.Length == 0)
        {
            if (content is { Count: > 0 } && !isHead && response.StatusCode is not (HttpStatusCode.NoContent or HttpStatusCode.NotModified))
            {
                failures.Add($"{label}: the document describes a body ({string.Join(", ", content.Select(entry => entry.Key))}) but the service sent none.");
            }

            return;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null)
        {
            failures.Add($"{label}: the service sent a body without a Content-Type.");
            return;
        }

        var media = content is null ? null : FindMedia(content, mediaType);
        if (media is null)
        {
            var listed = content?.Select(entry => entry.Key).ToList() ?? [];
            failures.Add(listed.Count == 0
                ? $"{label}: the service sent a {mediaType} body but the document describes no body."
                : $"{label}: the service sent {mediaType} but the document lists only {string.Join(", ", listed)}.");
            return;
        }

        if (media["schema"] is not { } schema)
        {
            failures.Add($"{label}: {mediaType} is documented without a schema.");
            return;
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            failures.Add($"{label}: the {mediaType} body is not JSON ({e.Message}).");
            return;
        }

        foreach (var error in spec.Validator.Validate(json, schema))
        {
            failures.Add($"{label} {mediaType}: {error}");
        }
    }

    private void CheckHeaders(string label, JsonObject documented, HttpResponseMessage response)
    {
        var declared = (documented["headers"]?.AsObject() ?? [])
            .ToDictionary(entry => entry.Key, entry => spec.Deref(entry.Value!), StringComparer.OrdinalIgnoreCase);
        var sent = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(header => header.Key, header => string.Join(", ", header.Value), StringComparer.OrdinalIgnoreCase);

        foreach (var (name, value) in sent.Where(header => !GenericHeaders.Contains(header.Key)))
        {
            if (!declared.TryGetValue(name, out var header))
            {
                failures.Add($"{label}: the service sends the header {name}: {value} but the response does not declare it (declared: {string.Join(", ", declared.Keys)}).");
            }
            else if (header["schema"] is { } schema)
            {
                foreach (var error in spec.Validator.Validate(HeaderValue(value, schema), schema, $"header {name}"))
                {
                    failures.Add($"{label}: {error}");
                }
            }
        }

        foreach (var (name, header) in declared)
        {
            if (header["required"]?.GetValue<bool>() == true && !sent.ContainsKey(name))
            {
                failures.Add($"{label}: the header {name} is declared required but the service did not send it.");
            }
        }
    }

    /// <summary>A header's text as the JSON value its schema speaks of: a number when the schema wants one.</summary>
    private JsonNode HeaderValue(string value, JsonNode schema)
    {
        var type = (schema is JsonObject obj && obj["$ref"] is not null ? spec.Deref(schema) : schema)["type"]?.ToJsonString() ?? "";
        var numeric = type.Contains("integer", StringComparison.Ordinal) || type.Contains("number", StringComparison.Ordinal);
        return numeric && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(value);
    }

    /// <summary>The documented media type for one the wire carries: exact (parameters and case aside), else <c>type/*</c>, else <c>*/*</c>.</summary>
    private static JsonObject? FindMedia(JsonObject content, string mediaType)
    {
        var wanted = Essence(mediaType);
        var byEssence = content.ToDictionary(entry => Essence(entry.Key), entry => entry.Value, StringComparer.Ordinal);
        var found = byEssence.GetValueOrDefault(wanted) ?? byEssence.GetValueOrDefault($"{wanted.Split('/')[0]}/*") ?? byEssence.GetValueOrDefault("*/*");
        return found as JsonObject;
    }

    private static string Essence(string mediaType) => mediaType.Split(';')[0].Trim().ToLowerInvariant();

    private static IEnumerable<string> QueryNames(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => Uri.UnescapeDataString(pair.Split('=')[0]))
            .Distinct(StringComparer.Ordinal);

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";
}

/// <summary>Keeps a copy of each request body in the request's options: the in-process server consumes the content.</summary>
public sealed class RequestBodyRecorder : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<string> Body = new("Blog.Tests.OpenApi.RequestBody");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            request.Options.Set(Body, await request.Content.ReadAsStringAsync(cancellationToken));
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
