using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Blog.Api.OpenApi;

/// <summary>Puts the limits of a query object's validator (<c>size</c> 1–100, ...) on its query parameters.</summary>
public sealed class ValidatorParameterFilter(IServiceProvider services) : IParameterFilter
{
    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        var metadata = context.ApiParameterDescription.ModelMetadata;
        if (parameter is not OpenApiParameter { Schema: OpenApiSchema schema } target || metadata?.ContainerType is not { } container || metadata.PropertyName is not { } member)
        {
            return;
        }

        if (ValidatorLimits.For(container, services) is { } validator
            && ValidatorLimits.Read(validator, services).TryGetValue(member, out var limits))
        {
            limits.ApplyTo(schema);
            target.Required |= limits.Required;
        }
    }
}
