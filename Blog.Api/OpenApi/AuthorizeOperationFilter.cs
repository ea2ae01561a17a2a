using Blog.Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Blog.Api.OpenApi;

/// <summary>
/// Operations that need a user take either scheme (<c>[{"Basic": []}, {"Bearer": []}]</c>), except those only a
/// password may use (creating a token), which take Basic alone; every other operation takes either optionally
/// (<c>[{}, {"Basic": []}, {"Bearer": []}]</c>), because credentials sent to it are still checked, and wrong ones are a 401.
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

        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        var basic = Requirement(BasicAuthenticationHandler.SchemeName, context);
        var bearer = Requirement(BearerAuthenticationHandler.SchemeName, context);
        if (authorize.Any(data => data.Policy == AuthorizationPolicies.PasswordOnly))
        {
            operation.Security = [basic];
        }
        else
        {
            operation.Security = authorize.Count > 0 ? [basic, bearer] : [new OpenApiSecurityRequirement(), basic, bearer];
        }
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OperationFilterContext context) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] };
}
