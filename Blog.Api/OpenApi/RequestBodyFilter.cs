using System.Reflection;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Blog.Api.OpenApi;

/// <summary>
/// A body the action cannot do without is <c>required</c>; and a body's schema is open, because the service reads
/// the members it knows and ignores the rest (the <c>id</c>, dates and <c>_links</c> a client echoes back from a GET,
/// or anything else), so a validating gateway must not refuse them either.
/// </summary>
public sealed class RequestBodyFilter : IRequestBodyFilter
{
    public void Apply(IOpenApiRequestBody requestBody, RequestBodyFilterContext context)
    {
        if (requestBody is not OpenApiRequestBody target)
        {
            return;
        }

        if (context.BodyParameterDescription?.ParameterDescriptor is ControllerParameterDescriptor { ParameterInfo: var parameter }
            && new NullabilityInfoContext().Create(parameter).WriteState != NullabilityState.Nullable)
        {
            target.Required = true;
        }

        foreach (var media in target.Content?.Values ?? [])
        {
            if (media.Schema is OpenApiSchemaReference { Reference.Id: { } id }
                && context.SchemaRepository.Schemas.TryGetValue(id, out var found)
                && found is OpenApiSchema schema)
            {
                schema.AdditionalPropertiesAllowed = true;
                schema.AdditionalProperties = null;
            }
        }
    }
}
