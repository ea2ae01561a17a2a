using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Blog.Api.OpenApi;

/// <summary>
/// Lists the request headers an action reads itself (<see cref="DocumentedHeaderAttribute"/>), <c>If-None-Match</c>
/// wherever the action documents a 304, and the other preconditions of a write beside <c>If-Match</c>.
/// </summary>
public sealed class DocumentedHeaderFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var headers = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<DocumentedHeaderAttribute>().Distinct().ToList();
        if (operation.Responses?.ContainsKey("304") == true)
        {
            headers.Add(new DocumentedHeaderAttribute(HeaderNames.IfNoneMatch, "The ETag the client holds; 304 with no body when it is still current."));
        }

        if (headers.OfType<AcceptsPreconditionsAttribute>().Any())
        {
            headers.Add(new DocumentedHeaderAttribute(
                HeaderNames.IfNoneMatch, "Only change the resource if its ETag is none of these (weak comparison; * refuses any existing one); otherwise 412."));
            headers.Add(new DocumentedHeaderAttribute(
                HeaderNames.IfUnmodifiedSince, "Only change the resource if it has not changed since this HTTP date (ignored beside If-Match); otherwise 412."));
        }

        foreach (var header in headers)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = header.Name,
                In = ParameterLocation.Header,
                Required = false,
                Description = header.Description,
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    MinLength = header.MinLength > 0 ? header.MinLength : null,
                    MaxLength = header.MaxLength > 0 ? header.MaxLength : null,
                },
            });
        }
    }
}
