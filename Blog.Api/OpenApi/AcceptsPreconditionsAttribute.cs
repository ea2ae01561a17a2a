using Microsoft.Net.Http.Headers;

namespace Blog.Api.OpenApi;

/// <summary>
/// The action changes the post or comment only if the request's preconditions hold (RFC 9110 §13.1): <c>If-Match</c>, listed
/// here, and <c>If-None-Match</c> and <c>If-Unmodified-Since</c>, which <see cref="DocumentedHeaderFilter"/> adds.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AcceptsPreconditionsAttribute() : DocumentedHeaderAttribute(
    HeaderNames.IfMatch, "Only change the resource if its ETag is one of these (strong comparison; * alone for any version); otherwise 412.");
