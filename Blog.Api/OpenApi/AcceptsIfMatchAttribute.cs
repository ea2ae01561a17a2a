using Microsoft.Net.Http.Headers;

namespace Blog.Api.OpenApi;

/// <summary>The action changes the resource only if the client's <c>If-Match</c> names its current ETag.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AcceptsIfMatchAttribute() : DocumentedHeaderAttribute(
    HeaderNames.IfMatch, "Only change the post if its ETag is one of these (or * for any version); otherwise 412.");
