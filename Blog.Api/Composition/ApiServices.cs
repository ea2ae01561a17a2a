using Blog.Api.Auth;
using Blog.Api.Errors;
using Blog.Api.Hal;
using Blog.Api.Http;
using Blog.Api.Json;
using Blog.Api.OpenApi;
using Blog.Api.RateLimits;
using Blog.Api.Posts;
using Blog.Api.Validation;
using Blog.Domain.Comments;
using Blog.Domain.Posts;
using Blog.Domain.Tags;
using Blog.Domain.Tokens;
using Blog.Domain.Users;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Api.Composition;

public static class ApiServices
{
    public static IServiceCollection AddBlogApi(this IServiceCollection services, IConfiguration configuration)
    {
        // Registered before MVC adds its own writer, so that every problem, from MVC or not, is written by ours.
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddProblemDetails();

        services.AddScoped<PostService>();
        services.AddScoped<CommentService>();
        services.AddScoped<TagService>();
        services.AddScoped<UserService>();
        services.AddScoped<AccessTokenService>();

        services.AddControllers(options =>
            {
                options.ReturnHttpNotAcceptable = true;
                options.RespectBrowserAcceptHeader = true;
                // Instances, not types: MVC then caches each action's filter pipeline instead of building it per request.
                options.Filters.Add(new DomainExceptionFilter());
                options.Filters.Add(new PlainJsonWhenAskedFilter());
            })
            .AddJsonOptions(options => JsonDefaults.Apply(options.JsonSerializerOptions));
        services.ConfigureHttpJsonOptions(options => JsonDefaults.Apply(options.SerializerOptions));
        services.Configure<ApiBehaviorOptions>(options =>
        {
            // Binding errors and validators' failures take one path to the problem writer.
            options.InvalidModelStateResponseFactory = InvalidRequestProblem.Create;
            options.SuppressMapClientErrors = true;
        });
        services.Configure<MvcOptions>(options => options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);

        services.AddFluentValidationAutoValidation(options => options.DisableDataAnnotationsValidation = true);
        services.AddValidatorsFromAssemblyContaining<PostRequestValidator>(ServiceLifetime.Singleton);
        ValidatedTypesOnly.AskOnlyForValidatedTypes(services);
        // Finds the profiles and the value resolvers they use.
        services.AddAutoMapper(typeof(ApiServices).Assembly);
        services.AddHttpContextAccessor();
        services.AddSingleton<HalLinks>();
        services.AddSingleton<CursorCodec>();

        services.AddBlogAuthentication();

        services.AddSingleton(CachePolicy.FromConfiguration(configuration));
        services.AddRequestBodyLimit();
        services.AddBlogRedis(configuration);
        services.AddBlogRateLimiting(configuration);
        services.AddForwardedHeadersFromConfiguration(configuration);
        services.AddBlogOpenApi();
        services.AddBlogTelemetry(configuration);
        return services;
    }
}
