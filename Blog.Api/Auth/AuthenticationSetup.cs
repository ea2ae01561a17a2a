using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Blog.Api.Auth;

public static class AuthenticationSetup
{
    /// <summary>The default scheme: it hands each request to Basic or Bearer by the Authorization header's scheme.</summary>
    public const string BasicOrBearer = "BasicOrBearer";

    public static IServiceCollection AddBlogAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(BasicOrBearer)
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(BasicOrBearer, null, options => options.ForwardDefaultSelector = context =>
                BearerAuthenticationHandler.IsBearer(context.Request) ? BearerAuthenticationHandler.SchemeName : BasicAuthenticationHandler.SchemeName);
        services.AddScoped<AuthenticationService>();
        services.Replace(ServiceDescriptor.Scoped<IAuthenticationService, NoCredentialsNoHandlers>());

        services.AddAuthorization(options =>
        {
            options.DefaultPolicy = AuthorizationPolicies.Default;
            options.AddPolicy(AuthorizationPolicies.PasswordOnly, AuthorizationPolicies.Password);
        });
        // The requirements handle themselves (the framework's pass-through handler runs them), so none is registered.
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationProblems>();
        return services;
    }
}
