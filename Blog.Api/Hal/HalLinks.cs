using System.Collections.Concurrent;
using Blog.Domain.Paging;

namespace Blog.Api.Hal;

/// <summary>
/// Builds absolute links from route names, with the scheme and host of the current request
/// (which the forwarded-headers middleware has set from the proxy's headers when it is trusted).
/// </summary>
/// <remarks>
/// A page embeds three links per item, so the links of one resource are made from a template that the
/// <see cref="LinkGenerator"/> gives once per route: the URL it generates for a marker value, split around it.
/// </remarks>
public sealed class HalLinks(LinkGenerator generator, IHttpContextAccessor accessor, CursorCodec cursors)
{
    private const string TextMarker = "__marker__";
    private static readonly Guid GuidMarker = Guid.AllBitsSet;

    private readonly ConcurrentDictionary<(string Route, string Key), (string Before, string After)> templates = new();

    public Link Root() => Fixed(RouteNames.Root);

    public Link Posts() => Fixed(RouteNames.Posts);

    public Link Post(Guid id) => FromTemplate(RouteNames.Post, "id", GuidMarker, id.ToString());

    public Link Revisions(Guid postId) => FromTemplate(RouteNames.Revisions, "id", GuidMarker, postId.ToString());

    public Link Revision(Guid postId, long version) => To(RouteNames.Revision, new RouteValueDictionary { ["id"] = postId, ["version"] = version });

    public Link Comments(Guid postId) => FromTemplate(RouteNames.Comments, "id", GuidMarker, postId.ToString());

    public Link Comment(Guid id) => FromTemplate(RouteNames.Comment, "id", GuidMarker, id.ToString());

    public Link Users() => Fixed(RouteNames.Users);

    public Link User(string username) => FromTemplate(RouteNames.User, "username", TextMarker, username);

    public Link PostsBy(string username) => FromTemplate(RouteNames.Posts, "author", TextMarker, username);

    public Link Tags() => Fixed(RouteNames.Tags);

    public Link Tag(string name) => FromTemplate(RouteNames.Tag, "name", TextMarker, name);

    /// <summary>A post's link to one of its tags: HAL's link object, named by the tag.</summary>
    public NamedLink NamedTag(string name) => new(Tag(name).Href, name);

    public Link PostsTagged(string name) => FromTemplate(RouteNames.Posts, "tag", TextMarker, name);

    public Link Me() => Fixed(RouteNames.Me);

    public Link OwnPosts() => Fixed(RouteNames.OwnPosts);

    public Link Tokens() => Fixed(RouteNames.Tokens);

    public Link Token(Guid id) => FromTemplate(RouteNames.Token, "id", GuidMarker, id.ToString());

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

    private Link Fixed(string routeName) => FromTemplate(routeName, string.Empty, string.Empty, string.Empty);

    private Link FromTemplate(string routeName, string key, object marker, string value)
    {
        var (before, after) = templates.GetOrAdd((routeName, key), template =>
        {
            var values = template.Key.Length == 0 ? null : new RouteValueDictionary { [template.Key] = marker };
            var path = generator.GetPathByName(routeName, values, PathString.Empty)
                ?? throw new InvalidOperationException($"No route is named '{routeName}'.");
            var at = template.Key.Length == 0 ? path.Length : path.IndexOf(marker.ToString()!, StringComparison.Ordinal);
            return (path[..at], template.Key.Length == 0 ? string.Empty : path[(at + marker.ToString()!.Length)..]);
        });
        var request = (accessor.HttpContext ?? throw new InvalidOperationException("Links are built only while serving a request.")).Request;
        return new Link(string.Concat(
            request.Scheme, "://", request.Host.ToUriComponent(), request.PathBase.ToUriComponent(), before, Uri.EscapeDataString(value), after));
    }

    private Link To(string routeName, RouteValueDictionary? values)
    {
        var context = accessor.HttpContext ?? throw new InvalidOperationException("Links are built only while serving a request.");
        var href = generator.GetUriByName(context, routeName, values)
            ?? throw new InvalidOperationException($"No route is named '{routeName}'.");
        return new Link(href);
    }
}
