using System.Globalization;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Blog.Api.OpenApi;

/// <summary>
/// Response headers, from the action's metadata (<see cref="SendsEntityTagAttribute"/>,
/// <see cref="ResponseHeaderAttribute"/>) and from what a status always carries: <c>Location</c> on 201,
/// <c>WWW-Authenticate</c> on 401, <c>Retry-After</c> on 429.
/// </summary>
public sealed class ResponseHeaderFilter : IOperationFilter
{
    private static readonly string[] TaggedStatuses = ["200", "201", "304"];

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            if (metadata.OfType<SendsEntityTagAttribute>().FirstOrDefault() is { } tagged && TaggedStatuses.Contains(status))
            {
                concrete.Headers[HeaderNames.ETag] = Header("Strong entity tag of this representation; send it back in If-Match or If-None-Match.");
                if (tagged.LastModified)
                {
                    concrete.Headers[HeaderNames.LastModified] = Header("When the post last changed (an HTTP date).");
                }
            }

            foreach (var header in metadata.OfType<ResponseHeaderAttribute>().Where(header => header.StatusCode.ToString(CultureInfo.InvariantCulture) == status))
            {
                concrete.Headers[header.Name] = Header(header.Description, required: header.Always);
            }

            switch (status)
            {
                case "201":
                    concrete.Headers[HeaderNames.Location] = Header("The absolute URL of the created resource.", format: "uri");
                    break;
                case "401":
                    concrete.Headers[HeaderNames.WWWAuthenticate] = Header(
                        "Two challenges, one for each scheme: Basic realm=\"blog\", charset=\"UTF-8\" and Bearer realm=\"blog\" "
                        + "(with error=\"invalid_token\" when the request's token was unknown, expired or revoked).");
                    break;
                case "429":
                    concrete.Headers[HeaderNames.RetryAfter] = Header("Seconds to wait before trying again.", JsonSchemaType.Integer);
                    break;
            }
        }
    }

    private static OpenApiHeader Header(string description, JsonSchemaType type = JsonSchemaType.String, string? format = null, bool required = true) =>
        new() { Description = description, Required = required, Schema = new OpenApiSchema { Type = type, Format = format } };
}
