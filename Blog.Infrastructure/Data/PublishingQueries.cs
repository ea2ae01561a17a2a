using Blog.Domain.Posts;

namespace Blog.Infrastructure.Data;

/// <summary>Which posts the public sees at an instant, said once for every query that asks.</summary>
internal static class PublishingQueries
{
    /// <summary>Posts whose publishing instant has come.</summary>
    public static IQueryable<Post> PublicAt(this IQueryable<Post> posts, DateTime now) => posts.Where(post => post.PublishedDate <= now);

    /// <summary>
    /// Posts published for an instant still to come: few, and found by the PublishedDate index. Kept counts include
    /// them from the moment they are written, so every count read subtracts them.
    /// </summary>
    public static IQueryable<Post> WaitingAt(this IQueryable<Post> posts, DateTime now) => posts.Where(post => post.PublishedDate > now);

    /// <summary>Drafts: posts with no publishing instant.</summary>
    public static IQueryable<Post> Drafts(this IQueryable<Post> posts) => posts.Where(post => post.PublishedDate == null);

    /// <summary>Drafts and waiting posts: every post the public does not see.</summary>
    public static IQueryable<Post> HiddenAt(this IQueryable<Post> posts, DateTime now) =>
        posts.Where(post => post.PublishedDate == null || post.PublishedDate > now);
}
