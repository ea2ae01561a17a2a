using System.Globalization;
using Blog.Api.Errors;
using Blog.Api.Hal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Blog.Api.OpenApi;

/// <summary>
/// What holds for every operation, said once here instead of on each action: errors are problem+json; any request
/// with wrong credentials is 401, and any over its client's budget of reads or writes, or from an address that failed
/// to sign in too often, is 429 (except on an operation open to everyone, which ignores credentials and is never
/// limited); a write that needs a user is 403 for a read-only token; any can be 406 or 500; and a request with a body
/// (any but GET) can be 413.
/// </summary>
public sealed class ResponseConventionsFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= [];
        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);

        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var takesCredentials = !metadata.OfType<IAllowAnonymous>().Any();
        var isRead = HttpMethods.IsGet(context.ApiDescription.HttpMethod ?? HttpMethods.Get);
        if (takesCredentials)
        {
            AddProblem(operation, 401, "No credentials where a user is needed, or credentials that are wrong (even on a read): a wrong password, or an unknown, expired or revoked token.", problem);
        }

        if (takesCredentials && !isRead && metadata.OfType<IAuthorizeData>().Any())
        {
            AddProblem(operation, 403, "Signed in with an access token that may only read: a write needs the write scope.", problem);
        }

        AddProblem(operation, 406, "Accept names no type this resource is served as.", problem);
        if (takesCredentials)
        {
            AddProblem(operation, 429, "Too many requests (reads and writes each have a budget per user, or per client address before signing in), or too many failed sign-ins from this address.", problem);
        }

        AddProblem(operation, 500, "An unexpected failure; the traceId finds it in the log.", problem);
        if (!isRead)
        {
            AddProblem(operation, 413, "The body is over 1 MiB.", problem);
        }

        // A 503 may be a body of the operation's own (GET /health's); one declared with [ProducesProblem] is a problem.
        var declaredProblems = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ProducesProblemAttribute>()
            .Select(problemStatus => problemStatus.StatusCode.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        foreach (var (status, response) in operation.Responses)
        {
            if (response is OpenApiResponse concrete && (status.StartsWith('4') || status == "500" || declaredProblems.Contains(status)))
            {
                OnlyProblemJson(concrete, problem);
            }
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
                Content = new Dictionary<string, IOpenApiMediaType> { [MediaTypes.ProblemJson] = new OpenApiMediaType { Schema = problem } },
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
        response.Content = new Dictionary<string, IOpenApiMediaType> { [MediaTypes.ProblemJson] = new OpenApiMediaType { Schema = schema } };
    }
}
