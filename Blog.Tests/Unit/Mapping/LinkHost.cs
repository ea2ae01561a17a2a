using AutoMapper;
using Blog.Api.Comments;
using Blog.Api.Hal;
using Blog.Api.Posts;
using Blog.Api.Tags;
using Blog.Api.Tokens;
using Blog.Api.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Tests.Unit.Mapping;

/// <summary>
/// The API's real routes in a host that is built but never started, so that <see cref="HalLinks"/> makes the
/// same absolute links as in production, for a request to <see cref="BaseUrl"/>.
/// </summary>
public sealed class LinkHost : IAsyncDisposable
{
    public const string BaseUrl = "http://example.test";

    private readonly WebApplication app;

    public LinkHost()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddControllers().AddApplicationPart(typeof(PostsController).Assembly);
        builder.Services.AddRouting();
        app = builder.Build();
        app.UseRouting();
        app.MapControllers();

        // Registers the mapped routes with the link generator, which a started host would do.
        app.UseEndpoints(_ => { });

        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("example.test");
        var accessor = new HttpContextAccessor { HttpContext = context };
        Links = new HalLinks(app.Services.GetRequiredService<LinkGenerator>(), accessor, new CursorCodec(new EphemeralDataProtectionProvider()));
    }

    public HalLinks Links { get; }

    /// <summary>A mapper built as the API builds it, with the resolvers it needs.</summary>
    public IMapper CreateMapper(MapperConfiguration configuration) => new Mapper(configuration, type =>
        type == typeof(PostLinksResolver) ? new PostLinksResolver(Links)
        : type == typeof(CommentLinksResolver) ? new CommentLinksResolver(Links)
        : type == typeof(UserLinksResolver) ? new UserLinksResolver(Links)
        : type == typeof(MeLinksResolver) ? new MeLinksResolver(Links)
        : type == typeof(AccessTokenLinksResolver) ? new AccessTokenLinksResolver(Links)
        : type == typeof(TagLinksResolver) ? new TagLinksResolver(Links)
        : Activator.CreateInstance(type)!);

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
