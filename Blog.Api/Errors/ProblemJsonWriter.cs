using System.Diagnostics;
using System.Text.Json;
using Blog.Api.Hal;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Blog.Api.Errors;

/// <summary>
/// The one writer of error bodies: RFC 9457 problem+json with <c>type</c>, <c>title</c>, <c>status</c>,
/// <c>detail</c>, <c>instance</c> and <c>traceId</c>, whatever the client's <c>Accept</c> says (RFC 9110 lets an
/// error ignore it, and a client is better served by a JSON problem than by an empty 406).
/// </summary>
public sealed class ProblemJsonWriter(IOptions<JsonOptions> jsonOptions) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        var status = problem.Status ?? http.Response.StatusCode;
        problem.Status = status;
        problem.Type ??= ProblemTypes.For(status);
        problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
        problem.Detail ??= DefaultDetail(http, status);
        problem.Instance ??= http.Request.Path;
        problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;

        http.Response.StatusCode = status;
        http.Response.ContentType = MediaTypes.ProblemJson;

        // An error is not a representation of the resource, so the resource's validators do not describe it.
        http.Response.Headers.Remove(HeaderNames.ETag);
        http.Response.Headers.Remove(HeaderNames.LastModified);
        return new ValueTask(JsonSerializer.SerializeAsync(
            http.Response.Body, problem, problem.GetType(), jsonOptions.Value.SerializerOptions, http.RequestAborted));
    }

    private static string DefaultDetail(HttpContext http, int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "This request needs the credentials of a registered user (HTTP Basic, or a personal access token as Bearer).",
        StatusCodes.Status404NotFound => $"Nothing is found at {http.Request.Path}. Start at / and follow links.",
        StatusCodes.Status405MethodNotAllowed =>
            $"{http.Request.Method} is not allowed on {http.Request.Path}; the Allow header lists what is.",
        StatusCodes.Status406NotAcceptable =>
            $"This resource is served only as {MediaTypes.HalJson} or {MediaTypes.Json}; change the Accept header.",
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than this service accepts (1 MiB).",
        StatusCodes.Status500InternalServerError => "The service failed unexpectedly; the traceId finds the error in its log.",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };
}
