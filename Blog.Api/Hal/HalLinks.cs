using Blog.Domain.Paging;

namespace Blog.Api.Hal;

/// <summary>
/// Builds absolute links from route names, with the scheme and host of the current request
/// (which the forwarded-headers middleware has set from the proxy's headers when it is trusted).
/// </summary>
public sealed class HalLinks(LinkGenerator generator, IHttpContextAccessor accessor, CursorCodec cursors)
{
    public Link Root() => To(RouteNames.Root, null);

    public Link Posts() => To(RouteNames.Posts, null);

    public Link Post(Guid id) => To(RouteNames.Post, new RouteValueDictionary { ["id"] = id });

    public Link Users() => To(RouteNames.Users, null);

    public Link User(string username) => To(RouteNames.User, new RouteValueDictionary { ["username"] = username });

    public Link PostsBy(string username) => To(RouteNames.Posts, new RouteValueDictionary { ["author"] = username });

    public Link Me() => To(RouteNames.Me, null);

    /// <summary>The links of one page of a collection; the query (filters and size) is kept in every one.</summary>
    /// <param name="routeName">The collection's route.</param>
    /// <param name="page">The page the links surround.</param>
    /// <param name="size">The requested page size.</param>
    /// <param name="currentCursor">The cursor text the client sent: echoed as it was, so the self link is stable.</param>
    /// <param name="filters">The query's filters.</param>
    public PageLinks Page<T>(string routeName, Page<T> page, int size, string? currentCursor, RouteValueDictionary filters)
    {
        Link At(string? cursor)
        {
            var values = new RouteValueDictionary(filters) { ["size"] = size };
            if (cursor is not null)
            {
                values["cursor"] = cursor;
            }

            return To(routeName, values);
        }

        return new PageLinks(
            Self: At(currentCursor),
            First: At(null),
            Next: page.Next is null ? null : At(cursors.Encode(page.Next)),
            Prev: page.Prev is null ? null : At(cursors.Encode(page.Prev)),
            Home: Root());
    }

    private Link To(string routeName, RouteValueDictionary? values)
    {
        var context = accessor.HttpContext ?? throw new InvalidOperationException("Links are built only while serving a request.");
        var href = generator.GetUriByName(context, routeName, values)
            ?? throw new InvalidOperationException($"No route is named '{routeName}'.");
        return new Link(href);
    }
}
