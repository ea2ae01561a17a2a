using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Blog.Api.OpenApi;

/// <summary>Puts the limits of a body's validator (required, lengths, patterns, bounds) on its schema.</summary>
public sealed class ValidatorSchemaFilter(IServiceProvider services) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } target)
        {
            return;
        }

        if (ValidatorLimits.For(context.Type, services) is not { } validator)
        {
            return;
        }

        foreach (var (member, limits) in ValidatorLimits.Read(validator, services))
        {
            var name = target.Properties!.Keys.FirstOrDefault(key => key.Equals(member, StringComparison.OrdinalIgnoreCase));
            if (name is null || target.Properties[name] is not OpenApiSchema property)
            {
                continue;
            }

            limits.ApplyTo(property);
            if (limits.Required)
            {
                target.Required ??= new SortedSet<string>(StringComparer.Ordinal);
                target.Required.Add(name);
            }
        }
    }
}
