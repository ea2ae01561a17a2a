using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Blog.Api.Http;

public static class ConditionalResults
{
    /// <summary>
    /// 200 with the representation and its ETag, or 304 with only the ETag when the client already holds it;
    /// the body is built only when it is sent.
    /// </summary>
    public static ActionResult OkOrNotModified<T>(this ControllerBase controller, EntityTagHeaderValue tag, Func<T> body)
    {
        controller.Response.GetTypedHeaders().ETag = tag;
        return EntityTags.IfNoneMatchIncludes(controller.Request, tag)
            ? controller.StatusCode(StatusCodes.Status304NotModified)
            : controller.Ok(body());
    }
}
