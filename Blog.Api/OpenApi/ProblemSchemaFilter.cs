using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Blog.Api.OpenApi;

/// <summary>
/// The problem bodies as the one writer (<see cref="Errors.ProblemJsonWriter"/>) sends them: <c>type</c>,
/// <c>title</c>, <c>status</c> and <c>traceId</c> always, never null.
/// </summary>
public sealed class ProblemSchemaFilter : ISchemaFilter
{
    private static readonly string[] AlwaysSent = ["type", "title", "status", "traceId"];

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (!context.Type.IsAssignableTo(typeof(ProblemDetails)) || schema is not OpenApiSchema { Properties: { } properties } target)
        {
            return;
        }

        properties["traceId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Finds this request in the service's log (the W3C trace id).",
        };
        properties["type"] = UriReference(properties["type"]);
        target.Required ??= new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in AlwaysSent)
        {
            target.Required.Add(name);
            if (properties[name] is OpenApiSchema property && property.Type is { } type)
            {
                property.Type = type & ~JsonSchemaType.Null;
            }
        }
    }

    private static OpenApiSchema UriReference(IOpenApiSchema type) =>
        new() { Type = type.Type, Format = "uri-reference", Description = "The problem type, a URI reference (RFC 9457)." };
}
