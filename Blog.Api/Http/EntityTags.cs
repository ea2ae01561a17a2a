using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Blog.Api.Hal;
using Blog.Domain.Paging;
using Blog.Domain.Posts;
using Microsoft.Net.Http.Headers;

namespace Blog.Api.Http;

/// <summary>
/// Strong ETags and the conditional headers that use them (RFC 9110 §13). A post's ETag names the post and its
/// version, so a tag from one post never matches another.
/// </summary>
public static class EntityTags
{
    public static EntityTagHeaderValue For(Post post) =>
        new(string.Create(CultureInfo.InvariantCulture, $"\"{post.Id:N}-{post.Version}\""));

    /// <summary>
    /// A page changes when its address, its count, any item on it, or whether it has a next or previous page changes.
    /// The neighbours' cursors are made from the first and last items, so they need no part of their own (their
    /// sealed links differ on every request anyway).
    /// </summary>
    public static EntityTagHeaderValue ForPage<T>(Page<T> page, PageLinks links, Func<T, EntityTagHeaderValue> itemTag)
    {
        var parts = new[] { links.Self.Href, (page.Next is null).ToString(), (page.Prev is null).ToString(), page.TotalItems.ToString(CultureInfo.InvariantCulture) }
            .Concat(page.Items.Select(item => itemTag(item).Tag.ToString()));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        return new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"");
    }

    /// <summary>The versions of <paramref name="postId"/> that the request's <c>If-Match</c> allows.</summary>
    public static ExpectedVersion ReadIfMatch(HttpRequest request, Guid postId)
    {
        if (request.Headers.IfMatch.Count == 0)
        {
            return ExpectedVersion.Any;
        }

        // A header that does not parse leaves the list empty: it then matches nothing, it is not ignored.
        var ifMatch = request.GetTypedHeaders().IfMatch;
        if (ifMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any)))
        {
            return ExpectedVersion.Any;
        }

        var prefix = $"\"{postId:N}-";
        var versions = ifMatch
            .Where(tag => !tag.IsWeak && tag.Tag.StartsWith(prefix, StringComparison.Ordinal))
            .Select(tag => long.TryParse(tag.Tag.AsSpan(prefix.Length, tag.Tag.Length - prefix.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1)
            .Where(version => version > 0);
        return ExpectedVersion.OneOf(versions);
    }

    /// <summary>True when the client already holds <paramref name="current"/> (weak comparison, as for GET).</summary>
    public static bool IfNoneMatchIncludes(HttpRequest request, EntityTagHeaderValue current) =>
        request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));

    /// <summary>Sets <c>ETag</c> and <c>Last-Modified</c> for a post's representation; returns the tag.</summary>
    public static EntityTagHeaderValue SetValidators(HttpResponse response, Post post)
    {
        var headers = response.GetTypedHeaders();
        headers.ETag = For(post);
        headers.LastModified = new DateTimeOffset(post.UpdatedDate);
        return headers.ETag;
    }
}
