using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Blog.Api.Hal;
using Blog.Domain;
using Blog.Domain.Comments;
using Blog.Domain.Paging;
using Blog.Domain.Posts;
using Blog.Domain.Tags;
using Microsoft.Net.Http.Headers;

namespace Blog.Api.Http;

/// <summary>
/// Strong ETags and the conditional headers that use them (RFC 9110 §13). A post's or a comment's ETag names it and
/// its version, so a tag from one never matches another.
/// </summary>
public static class EntityTags
{
    public static EntityTagHeaderValue For(Post post) => Versioned(post.Id, post);

    /// <summary>A comment's tag has the post's form; its id is its own, so it never matches a post's.</summary>
    public static EntityTagHeaderValue For(Comment comment) => Versioned(comment.Id, comment);

    /// <summary>A revision never changes: its tag names the post and the version it was, apart from the post's own tags.</summary>
    public static EntityTagHeaderValue For(PostRevision revision) =>
        new(string.Create(CultureInfo.InvariantCulture, $"\"{revision.PostId:N}-r{revision.Version}\""));

    /// <summary>A tag's representation changes only with its count ('.' is never part of a tag's name).</summary>
    public static EntityTagHeaderValue For(TagSummary tag) =>
        new(string.Create(CultureInfo.InvariantCulture, $"\"tag.{tag.Name}.{tag.PostCount}\""));

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

    /// <summary>
    /// The request's preconditions on a write to the post or comment <paramref name="id"/>, read as RFC 9110 §13.1 says:
    /// <c>If-Match</c> compares strongly (the exact tag, so <c>"…-08"</c> is not version 8) and <c>*</c> only alone.
    /// <c>If-Unmodified-Since</c> counts only without <c>If-Match</c>, and is ignored when it is not a valid date.
    /// <c>If-None-Match</c> compares weakly, and <c>*</c> refuses any existing resource. A conditional header that does
    /// not parse fails, never passes.
    /// </summary>
    public static WritePreconditions ReadPreconditions(HttpRequest request, Guid id)
    {
        var headers = request.GetTypedHeaders();
        var preconditions = WritePreconditions.None;
        if (request.Headers.IfMatch.Count > 0)
        {
            var ifMatch = headers.IfMatch;
            var onlyStar = ifMatch is [var single] && single.Equals(EntityTagHeaderValue.Any);
            preconditions = preconditions with { MatchingVersions = onlyStar ? null : VersionsIn(ifMatch.Where(tag => !tag.IsWeak), id) };
        }
        else if (headers.IfUnmodifiedSince is { } since)
        {
            preconditions = preconditions with { UnmodifiedSince = since };
        }

        if (request.Headers.IfNoneMatch.Count > 0)
        {
            var ifNoneMatch = headers.IfNoneMatch;
            preconditions = ifNoneMatch.Count == 0 || ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any))
                ? preconditions with { ExcludesEveryVersion = true }
                : preconditions with { ExcludedVersions = VersionsIn(ifNoneMatch, id) };
        }

        return preconditions;
    }

    private static HashSet<long> VersionsIn(IEnumerable<EntityTagHeaderValue> tags, Guid id)
    {
        var prefix = $"\"{id:N}-";
        return tags
            .Select(tag => tag.Tag.Value ?? string.Empty)
            .Where(tag => tag.StartsWith(prefix, StringComparison.Ordinal) && tag.EndsWith('"'))
            .Select(tag => tag[prefix.Length..^1])
            .Select(digits => long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                && version > 0 && digits == version.ToString(CultureInfo.InvariantCulture) ? version : 0)
            .Where(version => version > 0)
            .ToHashSet();
    }

    /// <summary>True when the client already holds <paramref name="current"/> (weak comparison, as for GET).</summary>
    public static bool IfNoneMatchIncludes(HttpRequest request, EntityTagHeaderValue current) =>
        request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));

    /// <summary>Sets <c>ETag</c> and <c>Last-Modified</c> for a post's representation; returns the tag.</summary>
    public static EntityTagHeaderValue SetValidators(HttpResponse response, Post post) => SetValidators(response, For(post), post);

    /// <summary>Sets <c>ETag</c> and <c>Last-Modified</c> for a comment's representation; returns the tag.</summary>
    public static EntityTagHeaderValue SetValidators(HttpResponse response, Comment comment) => SetValidators(response, For(comment), comment);

    private static EntityTagHeaderValue Versioned(Guid id, IVersioned resource) =>
        new(string.Create(CultureInfo.InvariantCulture, $"\"{id:N}-{resource.Version}\""));

    private static EntityTagHeaderValue SetValidators(HttpResponse response, EntityTagHeaderValue tag, IVersioned resource)
    {
        var headers = response.GetTypedHeaders();
        headers.ETag = tag;
        headers.LastModified = new DateTimeOffset(resource.UpdatedDate);
        return tag;
    }
}
