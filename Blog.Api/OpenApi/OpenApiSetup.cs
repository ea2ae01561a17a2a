using System.Reflection;
using Blog.Api.Auth;
using Microsoft.OpenApi;

namespace Blog.Api.OpenApi;

public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static void AddBlogOpenApi(this IServiceCollection services) =>
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Blog API",
                Version = "v1",
                Description = "Posts and authors over HTTP, as HAL. Start at / and follow links.",
            });
            options.AddSecurityDefinition(BasicAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "basic",
                Description = "HTTP Basic with a registered username and password (POST /users registers one).",
            });
            options.OperationFilter<AuthorizeOperationFilter>();
            options.OperationFilter<DocumentedHeaderFilter>();
            options.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml"));
        });

    public static void UseBlogOpenApi(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options => options.SwaggerEndpoint($"/swagger/{DocumentName}/swagger.json", "Blog API v1"));
    }
}
