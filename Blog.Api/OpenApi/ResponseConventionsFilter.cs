using Blog.Api.Hal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Blog.Api.OpenApi;

/// <summary>
/// What holds for every operation, said once here instead of on each action: errors are problem+json, any
/// operation can answer 406 and 500, writes can answer 429, and the headers each status carries.
/// </summary>
public sealed class ResponseConventionsFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= [];
        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        var isWrite = !HttpMethods.IsGet(context.ApiDescription.HttpMethod ?? HttpMethods.Get);

        AddProblem(operation, StatusCodes.Status406NotAcceptable, "Accept names no type this resource is served as.", problem);
        AddProblem(operation, StatusCodes.Status500InternalServerError, "An unexpected failure; the traceId finds it in the log.", problem);
        if (isWrite)
        {
            AddProblem(operation, StatusCodes.Status413PayloadTooLarge, "The body is over 1 MiB.", problem);
            AddProblem(operation, StatusCodes.Status429TooManyRequests, "Too many writes, or too many failed sign-ins from this address.", problem);
        }

        if (RequiresUser(context))
        {
            AddProblem(operation, StatusCodes.Status401Unauthorized, "No credentials, or wrong ones.", problem);
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            if (status.StartsWith('4') || status.StartsWith('5'))
            {
                OnlyProblemJson(concrete, problem);
            }

            AddHeaders(status, concrete, isPostRepresentation: operation.Responses.ContainsKey("304") || context.ApiDescription.RelativePath?.StartsWith("posts/", StringComparison.Ordinal) == true || (status == "201" && context.ApiDescription.RelativePath == "posts"));
        }
    }

    private static bool RequiresUser(OperationFilterContext context) =>
        context.MethodInfo.GetCustomAttributes(true).OfType<AuthorizeAttribute>().Any()
        || (context.MethodInfo.DeclaringType?.GetCustomAttributes(true).OfType<AuthorizeAttribute>().Any() ?? false);

    private static void AddProblem(OpenApiOperation operation, int status, string description, IOpenApiSchema problem)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses!.ContainsKey(key))
        {
            operation.Responses[key] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { [MediaTypes.ProblemJson] = new() { Schema = problem } },
            };
        }
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

    private static void AddHeaders(string status, OpenApiResponse response, bool isPostRepresentation)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        switch (status)
        {
            case "200" or "201" or "304" when isPostRepresentation:
                response.Headers["ETag"] = Header("Strong entity tag of this representation; send it in If-Match or If-None-Match.");
                if (status != "304")
                {
                    response.Headers["Last-Modified"] = Header("When the post last changed (posts only).");
                }

                break;
            case "401":
                response.Headers["WWW-Authenticate"] = Header("Basic realm=\"blog\", charset=\"UTF-8\"");
                break;
            case "429":
                response.Headers["Retry-After"] = Header("Seconds to wait before trying again.", JsonSchemaType.Integer);
                break;
        }

        if (status == "201")
        {
            response.Headers["Location"] = Header("The absolute URL of the created resource.");
        }
    }

    private static OpenApiHeader Header(string description, JsonSchemaType type = JsonSchemaType.String) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = type } };
}
