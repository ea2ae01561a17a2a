using Microsoft.AspNetCore.Mvc.Routing;

namespace Blog.Api.Http;

/// <summary>GET, and HEAD with the same headers (RFC 9110 §9.3.2): every readable resource answers both.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class HttpGetOrHeadAttribute(string template) : HttpMethodAttribute(["GET", "HEAD"], template)
{
    public HttpGetOrHeadAttribute()
        : this(string.Empty)
    {
    }
}
