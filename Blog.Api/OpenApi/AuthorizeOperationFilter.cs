using Blog.Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Blog.Api.OpenApi;

/// <summary>
/// Operations that need a user require the Basic scheme; every other operation takes it optionally
/// (<c>[{}, {"Basic": []}]</c>), because credentials sent to it are still checked, and wrong ones are a 401.
/// </summary>
public sealed class AuthorizeOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            // Open to everyone; credentials sent to it are ignored.
            operation.Security = [];
            return;
        }

        var needsUser = metadata.OfType<IAuthorizeData>().Any();
        var basic = new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(BasicAuthenticationHandler.SchemeName, context.Document)] = [],
        };

        operation.Security = needsUser ? [basic] : [new OpenApiSecurityRequirement(), basic];
    }
}
