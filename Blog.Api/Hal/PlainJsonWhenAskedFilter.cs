using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Blog.Api.Hal;

/// <summary>
/// MVC counts <c>application/hal+json</c> as a kind of <c>application/json</c>, so a client that asks for plain
/// JSON would still get the HAL label. When plain JSON is what the client prefers, this labels the same body so.
/// Its order is 1 so that it runs after [Produces], which it narrows.
/// </summary>
public sealed class PlainJsonWhenAskedFilter : IResultFilter, IOrderedFilter
{
    public int Order => 1;

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is ObjectResult result && PrefersPlainJson(context.HttpContext.Request))
        {
            result.ContentTypes.Clear();
            result.ContentTypes.Add(MediaTypes.Json);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }

    private static bool PrefersPlainJson(HttpRequest request)
    {
        double json = 0, hal = 0;
        foreach (var accept in request.GetTypedHeaders().Accept)
        {
            var quality = accept.Quality ?? 1;
            if (accept.MediaType.Equals(MediaTypes.Json, StringComparison.OrdinalIgnoreCase))
            {
                json = Math.Max(json, quality);
            }
            else if (accept.MediaType.Equals(MediaTypes.HalJson, StringComparison.OrdinalIgnoreCase))
            {
                hal = Math.Max(hal, quality);
            }
        }

        return json > hal;
    }
}
