using Blog.Domain.Posts;

namespace Blog.Api.Posts;

/// <summary>
/// The body of a create or a replace. Members a client may echo back from a GET (<c>id</c>, <c>authorName</c>,
/// dates, <c>_links</c>) are not read.
/// </summary>
/// <param name="Title" example="First!">Required, not blank, at most 200 characters.</param>
/// <param name="Body" example="First post!">Required, not blank, at most 100,000 characters.</param>
public sealed record PostRequest(string? Title, string? Body)
{
    /// <summary>Called once the validator has passed, so both members are present.</summary>
    public PostContent ToContent() => new(Title!, Body!);
}
