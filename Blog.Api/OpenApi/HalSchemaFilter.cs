using Blog.Api.Hal;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Blog.Api.OpenApi;

/// <summary>HAL's facts that C# types cannot carry: a link's <c>href</c> is a URI, and a page always has <c>_embedded</c>.</summary>
public sealed class HalSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { } properties } target)
        {
            return;
        }

        if (context.Type == typeof(Link) && properties.TryGetValue("href", out var href) && href is OpenApiSchema hrefSchema)
        {
            hrefSchema.Format = "uri";
        }

        // TEmbedded is a type parameter, so its nullability cannot be read; the page always sends it.
        if (context.Type.IsGenericType && context.Type.GetGenericTypeDefinition() == typeof(HalPage<>) && properties.ContainsKey("_embedded"))
        {
            target.Required ??= new SortedSet<string>(StringComparer.Ordinal);
            target.Required.Add("_embedded");
        }
    }
}
