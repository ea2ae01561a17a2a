namespace Blog.Domain.Posts;

public sealed class Post
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 100_000;

    private Post(Guid id, string title, string body, Guid authorId, string authorName, DateTime postedDate)
    {
        Id = id;
        Title = title;
        Body = body;
        AuthorId = authorId;
        AuthorName = authorName;
        PostedDate = postedDate;
        UpdatedDate = postedDate;
        Version = 1;
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    public Guid AuthorId { get; private set; }

    /// <summary>The author's username as written at registration (usernames never change).</summary>
    public string AuthorName { get; private set; }

    public DateTime PostedDate { get; private set; }

    public DateTime UpdatedDate { get; private set; }

    /// <summary>Grows by one on every change; the ETag is made from it.</summary>
    public long Version { get; private set; }

    /// <summary>A post as it was stored.</summary>
    public static Post Restore(Guid id, string title, string body, Guid authorId, string authorName, DateTime postedDate, DateTime updatedDate, long version) =>
        new(id, title, body, authorId, authorName, postedDate) { UpdatedDate = updatedDate, Version = version };

    public static Post Create(PostContent content, Actor author, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), content.Title, content.Body, author.UserId, author.Username, Clock.Truncate(now));

    /// <summary>Applies the content; returns false (and changes nothing) when it is what the post already says.</summary>
    public bool Edit(PostContent content, DateTimeOffset now)
    {
        if (content.Title == Title && content.Body == Body)
        {
            return false;
        }

        Title = content.Title;
        Body = content.Body;
        UpdatedDate = Clock.Truncate(now);
        Version++;
        return true;
    }
}
