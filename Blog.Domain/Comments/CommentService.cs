using Blog.Domain.Errors;
using Blog.Domain.Paging;
using Blog.Domain.Posts;

namespace Blog.Domain.Comments;

/// <summary>
/// Every rule about comments: a comment is seen by whoever may see its post (a draft's or a scheduled post's only by
/// that post's author, for everyone else they do not exist); its author changes it; its author or the post's author
/// deletes it.
/// </summary>
public sealed class CommentService(ICommentRepository comments, IPostRepository posts, TimeProvider time)
{
    /// <summary>The post's comments, oldest first, if the viewer may see the post.</summary>
    public async Task<Page<Comment>> ListAsync(Guid postId, Guid? viewerId, PageRequest request, CancellationToken cancellationToken)
    {
        var post = await GetVisiblePostAsync(postId, viewerId, cancellationToken);
        var slice = await comments.GetSliceAsync(postId, request.Cursor, request.Size + 1, cancellationToken);
        return KeysetPaging.ToPage(slice, request, post.CommentCount, comment => (comment.PostedDate, comment.Id));
    }

    /// <summary>The comment, if the viewer may see its post.</summary>
    public async Task<Comment> GetAsync(Guid id, Guid? viewerId, CancellationToken cancellationToken) =>
        (await GetVisibleAsync(id, viewerId, cancellationToken)).Comment;

    /// <summary>
    /// Comments on a post the author may see (their own draft too). With a key, a create that is safe to retry: the
    /// same key from the same user within a day gives back the first comment and creates nothing; the same key with
    /// another body or post (or once used for a post) is refused.
    /// </summary>
    public async Task<CreateCommentResult> CreateAsync(
        Guid postId, string body, Actor author, IdempotencyKey? key, CancellationToken cancellationToken)
    {
        await GetVisiblePostAsync(postId, author.UserId, cancellationToken);
        var now = time.GetUtcNow();
        var notBefore = (now - IdempotencyKey.Lifetime).UtcDateTime;
        var fingerprint = Comment.Fingerprint(postId, body);
        if (key is not null && await posts.FindIdempotencyRecordAsync(author.UserId, key.Value, notBefore, cancellationToken) is { } earlier)
        {
            return await ReplayAsync(earlier, fingerprint, cancellationToken);
        }

        var comment = Comment.Create(postId, body, author, now);
        var record = key is null ? null : new IdempotencyRecord(author.UserId, key.Value, fingerprint, comment.Id, comment.PostedDate);
        switch (await comments.TryAddAsync(comment, record, cancellationToken))
        {
            case CommentAddition.Added:
                return new CreateCommentResult(comment, Replayed: false);
            case CommentAddition.PostGone:
                throw PostNotFound(postId);
            default:
                // A concurrent request with the same key won the race: answer as it did.
                var winner = await posts.FindIdempotencyRecordAsync(author.UserId, key!.Value, notBefore, cancellationToken)
                    ?? throw new ConflictException("A concurrent request with the same Idempotency-Key did not finish; try again.");
                return await ReplayAsync(winner, fingerprint, cancellationToken);
        }
    }

    /// <summary>Changes the comment's body (its author only).</summary>
    public async Task<Comment> PatchAsync(Guid id, CommentPatch patch, Actor actor, WritePreconditions preconditions, CancellationToken cancellationToken)
    {
        var (comment, _) = await GetVisibleAsync(id, actor.UserId, cancellationToken);
        if (comment.AuthorId != actor.UserId)
        {
            throw new ForbiddenException($"Only the author of comment {id} may change it.");
        }

        RequireMet(comment, preconditions);
        var expectedVersion = comment.Version;
        if (comment.Edit(patch.Body ?? comment.Body, time.GetUtcNow()) && !await comments.TryUpdateAsync(comment, expectedVersion, cancellationToken))
        {
            throw ConcurrentChange(id, preconditions);
        }

        return comment;
    }

    /// <summary>Deletes the comment (its author, or the author of the post it is on).</summary>
    public async Task DeleteAsync(Guid id, Actor actor, WritePreconditions preconditions, CancellationToken cancellationToken)
    {
        var (comment, post) = await GetVisibleAsync(id, actor.UserId, cancellationToken);
        if (comment.AuthorId != actor.UserId && post.AuthorId != actor.UserId)
        {
            throw new ForbiddenException($"Only the author of comment {id}, or of the post it is on, may delete it.");
        }

        RequireMet(comment, preconditions);
        if (!await comments.TryDeleteAsync(comment, comment.Version, cancellationToken))
        {
            throw ConcurrentChange(id, preconditions);
        }
    }

    private async Task<CreateCommentResult> ReplayAsync(IdempotencyRecord earlier, string fingerprint, CancellationToken cancellationToken)
    {
        if (earlier.Fingerprint != fingerprint)
        {
            throw new UnprocessableException("This Idempotency-Key was already used for a different create; use a new key for new content.");
        }

        var first = await comments.FindAsync(earlier.ResourceId, cancellationToken)
            ?? throw new NotFoundException($"The comment created with this Idempotency-Key ({earlier.ResourceId}) has since been deleted.");
        return new CreateCommentResult(first, Replayed: true);
    }

    private async Task<Post> GetVisiblePostAsync(Guid postId, Guid? viewerId, CancellationToken cancellationToken) =>
        await posts.FindAsync(postId, cancellationToken) is { } post && post.IsVisibleTo(viewerId, time.GetUtcNow())
            ? post
            : throw PostNotFound(postId);

    /// <summary>The comment and its post, when the viewer may see the post; a comment on a post they may not see does not exist for them.</summary>
    private async Task<(Comment Comment, Post Post)> GetVisibleAsync(Guid id, Guid? viewerId, CancellationToken cancellationToken)
    {
        if (await comments.FindAsync(id, cancellationToken) is { } comment
            && await posts.FindAsync(comment.PostId, cancellationToken) is { } post
            && post.IsVisibleTo(viewerId, time.GetUtcNow()))
        {
            return (comment, post);
        }

        throw new NotFoundException($"There is no comment with id {id}.");
    }

    private static void RequireMet(Comment comment, WritePreconditions preconditions)
    {
        if (!preconditions.AreMetBy(comment))
        {
            throw new PreconditionFailedException(
                $"Comment {comment.Id} does not meet the request's If-Match, If-None-Match or If-Unmodified-Since; fetch it again.");
        }
    }

    /// <summary>Another request changed or deleted the comment between our read and our write.</summary>
    private static DomainException ConcurrentChange(Guid id, WritePreconditions preconditions) => preconditions.IsNone
        ? new ConflictException($"Comment {id} was changed or deleted by another request at the same time; try again.")
        : new PreconditionFailedException($"Comment {id} has changed since the version you hold; fetch it again.");

    private static NotFoundException PostNotFound(Guid postId) => new($"There is no post with id {postId}.");
}

/// <summary>A partial change (RFC 7396 merge patch): a null body keeps the current one.</summary>
public sealed record CommentPatch(string? Body);

/// <summary>The outcome of a create: the comment, and whether it was made by an earlier request with the same key.</summary>
public sealed record CreateCommentResult(Comment Comment, bool Replayed);
