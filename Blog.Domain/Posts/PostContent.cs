namespace Blog.Domain.Posts;

/// <summary>The part of a post its author writes.</summary>
public sealed record PostContent(string Title, string Body)
{
    /// <summary>A digest that tells two contents apart (the length prefix keeps title and body from running together).</summary>
    public string Fingerprint() => Convert.ToHexString(
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{Title.Length}:{Title}\n{Body}")));
}

/// <summary>A partial change (RFC 7396 merge patch): a null member keeps the current value.</summary>
public sealed record PostPatch(string? Title, string? Body)
{
    public PostContent ApplyTo(Post post) => new(Title ?? post.Title, Body ?? post.Body);
}

/// <summary>Which posts a listing shows: by one author, containing a text, or all.</summary>
public sealed record PostFilter(string? AuthorName, string? Text);

/// <summary>The repository's form of <see cref="PostFilter"/>, with the author resolved to an id.</summary>
public sealed record PostCriteria(Guid? AuthorId, string? Text);
