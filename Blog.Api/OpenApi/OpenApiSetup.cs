using System.Reflection;
using Blog.Api.Auth;
using Blog.Api.Hal;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi;

namespace Blog.Api.OpenApi;

public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static void AddBlogOpenApi(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Transient<IApiDescriptionProvider, ConsumedMediaTypes>());
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Blog API",
                Version = "v1",
                Description = "Posts and authors over HTTP, as HAL. Start at / and follow links. "
                    + "Sign in with HTTP Basic, or with a personal access token as Bearer. "
                    + "Every GET also answers HEAD; OPTIONS answers 204 with Allow; errors are application/problem+json (RFC 9457). "
                    + "Anonymous reads are Cache-Control: public with a short s-maxage, so a shared cache may keep them for a few seconds "
                    + "and then revalidate them with their ETag; answers to credentials are private; writes and errors are no-store.",
            });
            options.AddSecurityDefinition(BasicAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "basic",
                Description = "HTTP Basic with a registered username and password (POST /users registers one).",
            });
            options.AddSecurityDefinition(BearerAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "blog_ and 43 base64url characters",
                Description = "A personal access token (POST /me/tokens creates one, with a password). A token with only the read "
                    + "scope may not write (403). An unknown, expired or revoked token is 401 with error=\"invalid_token\"; "
                    + "a deleted token is refused by the very next request.",
            });
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.CustomOperationIds(api => api.ActionDescriptor is ControllerActionDescriptor action
                ? $"{action.ControllerName}_{action.ActionName}"
                : null);
            options.OperationFilter<AuthorizeOperationFilter>();
            options.OperationFilter<ResponseConventionsFilter>();
            options.OperationFilter<DocumentedHeaderFilter>();
            options.OperationFilter<ResponseHeaderFilter>();
            options.RequestBodyFilter<RequestBodyFilter>();
            // A cursor travels as the opaque text of a next or prev link.
            options.MapType<SealedCursor>(() => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = CursorCodec.MaxLength });
            options.MapType<SealedRankCursor>(() => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = CursorCodec.MaxLength });
            options.ParameterFilter<ValidatorParameterFilter>();
            options.SchemaFilter<ValidatorSchemaFilter>();
            options.SchemaFilter<HalSchemaFilter>();
            options.SchemaFilter<ProblemSchemaFilter>();

            // HEAD answers wherever GET does, with the same headers; listing it would only double every read.
            options.DocInclusionPredicate((_, api) => !HttpMethods.IsHead(api.HttpMethod ?? string.Empty));
            options.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml"), includeControllerXmlComments: true);
        });
    }

    public static void UseBlogOpenApi(this WebApplication app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/swagger"), swagger =>
        {
            // The server is the one the client reached (through a trusted proxy's forwarded host, if configured).
            swagger.UseSwagger(options => options.PreSerializeFilters.Add((document, request) =>
                document.Servers = [new OpenApiServer { Url = $"{request.Scheme}://{request.Host}{request.PathBase}" }]));
            swagger.UseSwaggerUI(options =>
            {
                options.SwaggerEndpoint($"/swagger/{DocumentName}/swagger.json", "Blog API v1");
                options.DocumentTitle = "Blog API — Swagger UI";
            });
        });
}
