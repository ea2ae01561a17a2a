using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace Blog.Api.Http;

/// <summary>
/// [Consumes] treats any <c>+json</c> type as a kind of <c>application/json</c>, so a merge patch would be taken as a
/// POST body. This filter holds a body to exactly the media types an action declares (parameters such as charset
/// aside) and answers 415 otherwise. JSON is UTF-8 (RFC 8259 §8.1), so any other or empty charset is a 415 too,
/// before MVC's transcoding could fail on it.
/// </summary>
public sealed class ExactConsumesFilter : IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var declared = context.ActionDescriptor.EndpointMetadata.OfType<ConsumesAttribute>().LastOrDefault()?.ContentTypes;
        var sent = context.HttpContext.Request.ContentType;
        if (declared is null || sent is null || !MediaTypeHeaderValue.TryParse(sent, out var mediaType))
        {
            return;
        }

        var declaredType = declared.Any(type => string.Equals(MediaTypeHeaderValue.Parse(type).MediaType.Value, mediaType.MediaType.Value, StringComparison.OrdinalIgnoreCase));
        if (!declaredType || !IsUtf8OrAbsent(mediaType))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status415UnsupportedMediaType);
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }

    private static bool IsUtf8OrAbsent(MediaTypeHeaderValue mediaType)
    {
        var charset = mediaType.Parameters.FirstOrDefault(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase));
        return charset is null || charset.Value.Value?.Trim('"') is { } value
            && (value.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || value.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }
}
