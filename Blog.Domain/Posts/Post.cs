namespace Blog.Domain.Posts;

public sealed class Post : IVersioned
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
        ListedDate = postedDate;
        Tags = [];
        Version = 1;
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    /// <summary>Normalised tag names (see <see cref="Tags.TagName"/>), distinct, in the order the author gave them.</summary>
    public IReadOnlyList<string> Tags { get; private set; }

    public Guid AuthorId { get; private set; }

    /// <summary>The author's username as written at registration (usernames never change).</summary>
    public string AuthorName { get; private set; }

    public DateTime PostedDate { get; private set; }

    public DateTime UpdatedDate { get; private set; }

    /// <summary>When the post is (or was, or will be) public; null for a draft.</summary>
    public DateTime? PublishedDate { get; private set; }

    /// <summary>Where the post sits in its author's own list: its publishing instant, or for a draft when it was written.</summary>
    public DateTime ListedDate { get; private set; }

    /// <summary>Kept by the repository in the same transaction as each comment's insert or delete.</summary>
    public int CommentCount { get; private set; }

    /// <summary>
    /// Grows by one on every change of the post's representation (its content, its publishing, its comment count);
    /// the ETag is made from it.
    /// </summary>
    public long Version { get; private set; }

    public PostStatus Status => PublishedDate is null ? PostStatus.Draft : PostStatus.Published;

    /// <summary>Public: published, and its instant has come. Anyone may read it.</summary>
    public bool IsPublicAt(DateTimeOffset now) => PublishedDate is { } published && published <= now.UtcDateTime;

    /// <summary>Everyone sees a public post; only its author sees a draft or a post scheduled for later.</summary>
    public bool IsVisibleTo(Guid? viewerId, DateTimeOffset now) => IsPublicAt(now) || viewerId == AuthorId;

    /// <summary>A post as it was stored.</summary>
    public static Post Restore(
        Guid id, string title, string body, IReadOnlyList<string> tags, Guid authorId, string authorName, DateTime postedDate,
        DateTime updatedDate, DateTime? publishedDate, int commentCount, long version) =>
        new(id, title, body, authorId, authorName, postedDate)
        {
            Tags = tags,
            UpdatedDate = updatedDate,
            PublishedDate = publishedDate,
            ListedDate = publishedDate ?? postedDate,
            CommentCount = commentCount,
            Version = version,
        };

    /// <summary>A new post: published now unless the publishing says otherwise (a draft, or a later instant).</summary>
    public static Post Create(PostContent content, Actor author, DateTimeOffset now, Publishing? publishing = null)
    {
        var post = new Post(Guid.CreateVersion7(now), content.Title, content.Body, author.UserId, author.Username, Clock.Truncate(now))
        {
            Tags = content.Tags ?? [],
        };
        post.SetPublishedDate((publishing ?? Publishing.Now).PublishedDateAt(post.PostedDate));
        return post;
    }

    /// <summary>
    /// Applies the content and the publishing (null: unchanged); returns false (and changes nothing) when it is what
    /// the post already says.
    /// </summary>
    public bool Edit(PostContent content, Publishing? publishing, DateTimeOffset now)
    {
        var tags = content.Tags ?? Tags;
        var publishedDate = publishing is null ? PublishedDate : publishing.PublishedDateAt(Clock.Truncate(now), PublishedDate);
        if (content.Title == Title && content.Body == Body && tags.SequenceEqual(Tags) && publishedDate == PublishedDate)
        {
            return false;
        }

        Title = content.Title;
        Body = content.Body;
        Tags = tags;
        SetPublishedDate(publishedDate);
        UpdatedDate = Clock.Truncate(now);
        Version++;
        return true;
    }

    /// <summary>What this version says, kept as a revision when an edit at <paramref name="now"/> replaces its title, body or tags.</summary>
    public PostRevision ToRevision(DateTimeOffset now) => new(Guid.CreateVersion7(now), Id, Version, Title, Body, Tags, UpdatedDate);

    /// <summary>Whether <paramref name="edited"/> (a later state of this post) changed what a revision keeps.</summary>
    public static bool ChangesRevisedContent(PostRevision before, Post edited) =>
        before.Title != edited.Title || before.Body != edited.Body || !before.Tags.SequenceEqual(edited.Tags);

    private void SetPublishedDate(DateTime? publishedDate)
    {
        PublishedDate = publishedDate;
        ListedDate = publishedDate ?? PostedDate;
    }
}

public enum PostStatus
{
    Draft,
    Published,
}
