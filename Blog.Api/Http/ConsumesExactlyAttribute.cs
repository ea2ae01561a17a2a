using Blog.Api.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace Blog.Api.Http;

/// <summary>
/// The media types an action reads, and every 415 of the service. MVC's [Consumes] would take any <c>+json</c> type
/// as a kind of <c>application/json</c> (a merge patch as a POST body) and answer some mismatches from routing, with
/// no body; this holds a body to exactly the declared types (parameters such as charset aside) and answers anything
/// else with one problem. JSON is UTF-8 (RFC 8259 §8.1), so any other or empty charset is a 415 too, before MVC's
/// transcoding could fail on it, and so is a missing Content-Type. OpenAPI documents the same types (see <c>OpenApi/ConsumedMediaTypes</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConsumesExactlyAttribute(params string[] mediaTypes) : Attribute, IResourceFilter
{
    public IReadOnlyList<string> MediaTypes { get; } = mediaTypes;

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        if (!Accepts(context.HttpContext.Request.ContentType))
        {
            context.Result = new ProblemResult(new ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Detail = $"Send the body as {string.Join(" or ", MediaTypes)}, in UTF-8.",
            });
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }

    private bool Accepts(string? sent) =>
        MediaTypeHeaderValue.TryParse(sent, out var mediaType)
        && MediaTypes.Any(type => mediaType.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase))
        && IsUtf8OrAbsent(mediaType);

    private static bool IsUtf8OrAbsent(MediaTypeHeaderValue mediaType)
    {
        var charset = mediaType.Parameters.FirstOrDefault(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase));
        return charset is null || charset.Value.Value?.Trim('"') is { } value
            && (value.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || value.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }
}
