using Blog.Domain.Errors;
using Blog.Domain.Paging;

namespace Blog.Domain.Tags;

/// <summary>The tags readers see: those that public posts carry, counted at the moment of the request.</summary>
public sealed class TagService(ITagRepository tags, TimeProvider time)
{
    /// <summary>
    /// The tag named <paramref name="name"/> (trimmed and lower-cased, as tags are written), with its count of public
    /// posts; 404 for a name no public post carries, or no tag can have.
    /// </summary>
    public async Task<TagSummary> GetAsync(string? name, CancellationToken cancellationToken)
    {
        var normalized = TagName.Normalize(name ?? string.Empty);
        var tag = TagName.IsValid(normalized) ? await tags.FindAsync(normalized, time.GetUtcNow().UtcDateTime, cancellationToken) : null;
        return tag is { PostCount: > 0 } ? tag : throw new NotFoundException($"No public post has the tag '{name}'.");
    }

    /// <summary>The tags of public posts, most used first, then by name.</summary>
    public async Task<Page<TagSummary>> ListAsync(int size, RankCursor? cursor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var slice = await tags.GetSliceAsync(cursor, size + 1, now, cancellationToken);
        var total = await tags.CountAsync(now, cancellationToken);
        return KeysetPaging.ToPage(slice, size, cursor, total, (tag, direction) => new RankCursor(direction, tag.PostCount, tag.Name));
    }
}
