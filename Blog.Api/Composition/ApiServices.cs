using Blog.Api.Auth;
using Blog.Api.Errors;
using Blog.Api.Hal;
using Blog.Api.Http;
using Blog.Api.Json;
using Blog.Api.OpenApi;
using Blog.Api.RateLimits;
using Blog.Domain.Posts;
using Blog.Domain.Users;
using FluentValidation;
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
        services.AddScoped<UserService>();

        services.AddControllers(options =>
            {
                options.ReturnHttpNotAcceptable = true;
                options.RespectBrowserAcceptHeader = true;
                // Instances, not types: MVC then caches each action's filter pipeline instead of building it per request.
                options.Filters.Add(new ExactConsumesFilter());
                options.Filters.Add(new ValidationFilter());
                options.Filters.Add(new DomainExceptionFilter());
                options.Filters.Add(new PlainJsonWhenAskedFilter());
            })
            .AddJsonOptions(options => JsonDefaults.Apply(options.JsonSerializerOptions));
        services.ConfigureHttpJsonOptions(options => JsonDefaults.Apply(options.SerializerOptions));
        services.Configure<ApiBehaviorOptions>(options =>
        {
            // Validation and client errors take the one path through ValidationFilter and the problem writer.
            options.SuppressModelStateInvalidFilter = true;
            options.SuppressMapClientErrors = true;
        });
        services.Configure<MvcOptions>(options => options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);


        services.AddValidatorsFromAssembly();
        // Finds the profiles and the value resolvers they use.
        services.AddAutoMapper(typeof(ApiServices).Assembly);
        services.AddHttpContextAccessor();
        services.AddSingleton<HalLinks>();
        services.AddSingleton<CursorCodec>();

        services.AddAuthentication(BasicAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();

        services.AddRequestBodyLimit();
        services.AddBlogRateLimiting(configuration);
        services.AddForwardedHeadersFromConfiguration(configuration);
        services.AddBlogOpenApi();
        return services;
    }

    private static void AddValidatorsFromAssembly(this IServiceCollection services)
    {
        var validators = typeof(ApiServices).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(IValidator)));
        foreach (var validator in validators)
        {
            var validated = validator.BaseType!.GetGenericArguments()[0];
            services.AddSingleton(typeof(IValidator<>).MakeGenericType(validated), validator);
        }
    }
}
