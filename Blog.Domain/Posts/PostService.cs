using Blog.Domain.Errors;
using Blog.Domain.Paging;
using Blog.Domain.Users;

namespace Blog.Domain.Posts;

/// <summary>Every rule about posts: who may change one, what a change does, what a stale version means.</summary>
public sealed class PostService(IPostRepository posts, IUserRepository users, TimeProvider time)
{
    /// <summary>The post, if <paramref name="viewerId"/> may see it (anyone a public post, only its author any other).</summary>
    public async Task<Post> GetAsync(Guid id, Guid? viewerId, CancellationToken cancellationToken) =>
        await posts.FindAsync(id, cancellationToken) is { } post && post.IsVisibleTo(viewerId, time.GetUtcNow())
            ? post
            : throw NotFound(id);

    /// <summary>Public posts, newest published first.</summary>
    public async Task<Page<Post>> ListAsync(PostFilter filter, PageRequest request, CancellationToken cancellationToken)
    {
        Guid? authorId = null;
        if (filter.AuthorName is { } authorName)
        {
            var author = await users.FindByUsernameAsync(authorName, cancellationToken);
            if (author is null)
            {
                return new Page<Post>([], 0, null, null);
            }

            authorId = author.Id;
        }

        var criteria = new PostCriteria(
            authorId, string.IsNullOrEmpty(filter.Text) ? null : filter.Text, string.IsNullOrEmpty(filter.Tag) ? null : filter.Tag, time.GetUtcNow().UtcDateTime);
        var slice = await posts.GetSliceAsync(criteria, request.Cursor, request.Size + 1, cancellationToken);
        var total = await posts.CountAsync(criteria, cancellationToken);
        return KeysetPaging.ToPage(slice, request, total, post => (post.PublishedDate!.Value, post.Id));
    }

    /// <summary>The author's own posts in every state (or one), newest first: by publishing instant, a draft by when it was written.</summary>
    public async Task<Page<Post>> ListOwnAsync(Actor author, OwnPostsFilter filter, PageRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var slice = await posts.GetOwnSliceAsync(author.UserId, filter, now, request.Cursor, request.Size + 1, cancellationToken);
        var total = await posts.CountOwnAsync(author.UserId, filter, now, cancellationToken);
        return KeysetPaging.ToPage(slice, request, total, post => (post.ListedDate, post.Id));
    }

    public async Task<Post> CreateAsync(PostContent content, Publishing? publishing, Actor author, CancellationToken cancellationToken)
    {
        var post = Post.Create(content, author, time.GetUtcNow(), publishing);
        await posts.AddAsync(post, cancellationToken);
        return post;
    }

    /// <summary>
    /// A create that is safe to retry: the same key from the same author within a day gives back the first post
    /// and creates nothing; the same key with different content is refused.
    /// </summary>
    public async Task<CreateResult> CreateAsync(
        PostContent content, Publishing? publishing, Actor author, IdempotencyKey? key, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            return new CreateResult(await CreateAsync(content, publishing, author, cancellationToken), Replayed: false);
        }

        var now = time.GetUtcNow();
        var notBefore = (now - IdempotencyKey.Lifetime).UtcDateTime;
        var fingerprint = content.Fingerprint(publishing);
        var earlier = await posts.FindIdempotencyRecordAsync(author.UserId, key.Value, notBefore, cancellationToken);
        if (earlier is null)
        {
            var post = Post.Create(content, author, now, publishing);
            var record = new IdempotencyRecord(author.UserId, key.Value, fingerprint, post.Id, post.PostedDate);
            if (await posts.TryAddAsync(post, record, cancellationToken))
            {
                return new CreateResult(post, Replayed: false);
            }

            // A concurrent request with the same key won the race: answer as it did.
            earlier = await posts.FindIdempotencyRecordAsync(author.UserId, key.Value, notBefore, cancellationToken)
                ?? throw new ConflictException("A concurrent request with the same Idempotency-Key did not finish; try again.");
        }

        if (earlier.Fingerprint != fingerprint)
        {
            throw new UnprocessableException("This Idempotency-Key was already used with a different post; use a new key for new content.");
        }

        var first = await posts.FindAsync(earlier.ResourceId, cancellationToken)
            ?? throw new NotFoundException($"The post created with this Idempotency-Key ({earlier.ResourceId}) has since been deleted.");
        return new CreateResult(first, Replayed: true);
    }

    /// <summary>Replaces title and body; tags and publishing left out (null) keep their values, so a v1 client changes neither.</summary>
    public Task<Post> ReplaceAsync(
        Guid id, PostContent content, Publishing? publishing, Actor actor, WritePreconditions preconditions, CancellationToken cancellationToken) =>
        EditAsync(id, _ => content, publishing, actor, preconditions, cancellationToken);

    public Task<Post> PatchAsync(Guid id, PostPatch patch, Actor actor, WritePreconditions preconditions, CancellationToken cancellationToken) =>
        EditAsync(id, patch.ApplyTo, patch.Publishing, actor, preconditions, cancellationToken);

    /// <summary>The post's earlier versions, newest first (its author only).</summary>
    public async Task<Page<PostRevision>> ListRevisionsAsync(Guid id, Actor actor, PageRequest request, CancellationToken cancellationToken)
    {
        await GetAuthoredAsync(id, actor, cancellationToken);
        var slice = await posts.GetRevisionSliceAsync(id, request.Cursor, request.Size + 1, cancellationToken);
        var total = await posts.CountRevisionsAsync(id, cancellationToken);
        return KeysetPaging.ToPage(slice, request, total, revision => (revision.SavedDate, revision.Id));
    }

    /// <summary>One earlier version of the post (its author only).</summary>
    public async Task<PostRevision> GetRevisionAsync(Guid id, long version, Actor actor, CancellationToken cancellationToken)
    {
        await GetAuthoredAsync(id, actor, cancellationToken);
        return await posts.FindRevisionAsync(id, version, cancellationToken)
            ?? throw new NotFoundException($"Post {id} has no revision {version}: revisions are kept of versions whose title, body or tags an edit replaced.");
    }

    public async Task DeleteAsync(Guid id, Actor actor, WritePreconditions preconditions, CancellationToken cancellationToken)
    {
        var post = await GetWritableAsync(id, actor, preconditions, cancellationToken);
        if (!await posts.TryDeleteAsync(post, post.Version, cancellationToken))
        {
            throw ConcurrentChange(id, preconditions);
        }
    }

    private async Task<Post> EditAsync(
        Guid id, Func<Post, PostContent> change, Publishing? publishing, Actor actor, WritePreconditions preconditions, CancellationToken cancellationToken)
    {
        var post = await GetWritableAsync(id, actor, preconditions, cancellationToken);
        var now = time.GetUtcNow();
        var replaced = post.ToRevision(now);
        var replacedPublishedDate = post.PublishedDate;
        if (post.Edit(change(post), publishing, now) && !await posts.TryUpdateAsync(new PostEdit(post, replaced, replacedPublishedDate), cancellationToken))
        {
            throw ConcurrentChange(id, preconditions);
        }

        return post;
    }

    private async Task<Post> GetWritableAsync(Guid id, Actor actor, WritePreconditions preconditions, CancellationToken cancellationToken)
    {
        var post = await GetAuthoredAsync(id, actor, cancellationToken);
        if (!preconditions.AreMetBy(post))
        {
            throw new PreconditionFailedException(
                $"Post {id} does not meet the request's If-Match, If-None-Match or If-Unmodified-Since; fetch it again.");
        }

        return post;
    }

    /// <summary>The post, when the actor wrote it: 404 when they may not see it, 403 when they may see it but did not write it.</summary>
    private async Task<Post> GetAuthoredAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var post = await GetAsync(id, actor.UserId, cancellationToken);
        if (post.AuthorId != actor.UserId)
        {
            throw new ForbiddenException($"Only the author of post {id} may change or delete it, or read its revisions.");
        }

        return post;
    }

    /// <summary>Another request changed the post between our read and our write.</summary>
    private static DomainException ConcurrentChange(Guid id, WritePreconditions preconditions) => preconditions.IsNone
        ? new ConflictException($"Post {id} was changed or deleted by another request at the same time; try again.")
        : new PreconditionFailedException($"Post {id} has changed since the version you hold; fetch it again.");

    private static NotFoundException NotFound(Guid id) => new($"There is no post with id {id}.");
}
