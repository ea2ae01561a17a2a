namespace Baseline;

/// <summary>The app's queries, by hand, on the service's schema. Dates are Unix milliseconds, as the service stores them.</summary>
public interface IStore
{
    /// <summary>The posts a list shows on its first page.</summary>
    const int PageSize = 20;

    ValueTask PingAsync();

    ValueTask<Author> FindAuthorAsync(string username);

    /// <summary>A public post (published, at a date that has come) by id, or null.</summary>
    ValueTask<Post?> FindPostAsync(Guid id);

    /// <summary>The newest public posts by (PublishedDate, Id), and how many public posts there are.</summary>
    ValueTask<PostPage> FirstPageAsync(long now);

    /// <summary>The same among the posts whose title or body contains <paramref name="text"/> (three characters or more).</summary>
    ValueTask<PostPage> SearchFirstPageAsync(string text, long now);

    /// <summary>A post published at <paramref name="ms"/>, and its author's kept count of published posts, in one transaction.</summary>
    ValueTask CreatePostAsync(Guid id, string title, string body, Author author, long ms);
}
