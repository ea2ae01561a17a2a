using Blog.Api.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace Blog.Api.OpenApi;

/// <summary>
/// Describes each request body with exactly the media types its action's <see cref="ConsumesExactlyAttribute"/>
/// accepts. ApiExplorer alone would list the JSON formatter's own types that fall under each declared one
/// (<c>application/*+json</c> for <c>application/json</c>, nothing for a merge patch).
/// </summary>
public sealed class ConsumedMediaTypes(IOptions<MvcOptions> mvc) : IApiDescriptionProvider
{
    // After the default provider (order -1000), which creates the descriptions.
    public int Order => 0;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
        var json = mvc.Value.InputFormatters.OfType<SystemTextJsonInputFormatter>().First();
        foreach (var description in context.Results)
        {
            var consumes = description.ActionDescriptor.EndpointMetadata.OfType<ConsumesExactlyAttribute>().LastOrDefault();
            if (consumes is null || !description.ParameterDescriptions.Any(parameter => parameter.Source == BindingSource.Body))
            {
                continue;
            }

            description.SupportedRequestFormats.Clear();
            foreach (var mediaType in consumes.MediaTypes)
            {
                description.SupportedRequestFormats.Add(new ApiRequestFormat { MediaType = mediaType, Formatter = json });
            }
        }
    }
}
