using System.Globalization;
using Blog.Api.Hal;
using Blog.Api.Posts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Blog.Api.OpenApi;

/// <summary>
/// What holds for every operation, said once here instead of on each action: errors are problem+json; any request
/// with wrong credentials is 401 and any from an address that failed to sign in too often is 429; any can be 406
/// or 500; writes can be 413 and 429; and the conditional headers a post's operations take and give.
/// </summary>
public sealed class ResponseConventionsFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= [];
        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        var method = context.ApiDescription.HttpMethod ?? HttpMethods.Get;
        var path = context.ApiDescription.RelativePath ?? string.Empty;
        var isRead = HttpMethods.IsGet(method);
        var isOnePost = path == "posts/{id}" || (path == "posts" && HttpMethods.IsPost(method));

        AddProblem(operation, 401, "No credentials where a user is needed, or credentials that are wrong (even on a read).", problem);
        AddProblem(operation, 406, "Accept names no type this resource is served as.", problem);
        AddProblem(operation, 429, "Too many writes by this user, or too many failed sign-ins from this address.", problem);
        AddProblem(operation, 500, "An unexpected failure; the traceId finds it in the log.", problem);
        if (!isRead)
        {
            AddProblem(operation, 413, "The body is over 1 MiB.", problem);
        }

        if (!isRead && path == "posts/{id}")
        {
            AddHeaderParameter(operation, "If-Match", "Only change the post if its ETag is one of these (or * for any version); otherwise 412.");
        }

        if (operation.Responses.ContainsKey("304"))
        {
            AddHeaderParameter(operation, "If-None-Match", "The ETag the client holds; 304 with no body when it is still current.");
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            if (status.StartsWith('4') || status == "500")
            {
                OnlyProblemJson(concrete, problem);
            }

            AddHeaders(status, concrete, hasEntityTag: isOnePost || operation.Responses.ContainsKey("304"), isOnePost);
        }

        if (path == "posts" && HttpMethods.IsPost(method) && operation.Responses.TryGetValue("201", out var created) && created is OpenApiResponse createdResponse)
        {
            createdResponse.Headers![PostsController.ReplayedHeader] = Header("true when this answer replays an earlier create with the same Idempotency-Key.");
        }
    }

    private static void AddProblem(OpenApiOperation operation, int status, string description, IOpenApiSchema problem)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (!operation.Responses!.ContainsKey(key))
        {
            operation.Responses[key] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { [MediaTypes.ProblemJson] = new() { Schema = problem } },
            };
        }
    }

    private static void AddHeaderParameter(OpenApiOperation operation, string name, string description)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }

    /// <summary>[Produces] lists the success types for every status; an error body is only ever problem+json.</summary>
    private static void OnlyProblemJson(OpenApiResponse response, IOpenApiSchema problem)
    {
        if (response.Content is null || response.Content.Count == 0)
        {
            return;
        }

        var schema = response.Content.TryGetValue(MediaTypes.ProblemJson, out var declared) && declared.Schema is not null
            ? declared.Schema
            : response.Content.Values.FirstOrDefault(media => media.Schema is not null)?.Schema ?? problem;
        response.Content = new Dictionary<string, OpenApiMediaType> { [MediaTypes.ProblemJson] = new() { Schema = schema } };
    }

    private static void AddHeaders(string status, OpenApiResponse response, bool hasEntityTag, bool isOnePost)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        if (status is "200" or "201" or "304" && hasEntityTag)
        {
            response.Headers["ETag"] = Header("Strong entity tag of this representation; send it back in If-Match or If-None-Match.");
            if (isOnePost)
            {
                response.Headers["Last-Modified"] = Header("When the post last changed.");
            }
        }

        switch (status)
        {
            case "201":
                response.Headers["Location"] = Header("The absolute URL of the created resource.");
                break;
            case "401":
                response.Headers["WWW-Authenticate"] = Header("Basic realm=\"blog\", charset=\"UTF-8\"");
                break;
            case "405":
                response.Headers["Allow"] = Header("The methods this resource answers.");
                break;
            case "429":
                response.Headers["Retry-After"] = Header("Seconds to wait before trying again.", JsonSchemaType.Integer);
                break;
        }
    }

    private static OpenApiHeader Header(string description, JsonSchemaType type = JsonSchemaType.String) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = type } };
}
