using AutoMapper;
using Blog.Api.Auth;
using Blog.Api.Errors;
using Blog.Api.Hal;
using Blog.Api.Http;
using Blog.Api.OpenApi;
using Blog.Api.Posts;
using Blog.Domain.Comments;
using Blog.Domain.Posts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Api.Comments;

/// <summary>Comments on posts: read by whoever may read the post, written by signed-in users.</summary>
[ApiController]
[Produces(MediaTypes.HalJson, MediaTypes.Json)]
public sealed class CommentsController(CommentService comments, IMapper mapper, HalLinks links) : ControllerBase
{
    /// <summary>Lists a post's comments, oldest first, a page at a time.</summary>
    /// <remarks>
    /// Follow <c>next</c> and <c>prev</c> rather than building a cursor; a page's ETag answers a repeated GET with 304.
    /// The comments of a draft, or of a post scheduled for later, are 404 for everyone but the post's author.
    /// </remarks>
    [HttpGetOrHead("posts/{id:guid}/comments", Name = RouteNames.Comments)]
    [SendsEntityTag]
    [ProducesResponseType<HalPage<CommentsEmbedded>>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<HalPage<CommentsEmbedded>>> List(Guid id, [FromQuery] PageQuery query, CancellationToken cancellationToken)
    {
        var page = await comments.ListAsync(id, User.UserIdOrNull(), query.ToPageRequest(), cancellationToken);
        var pageLinks = links.Page(RouteNames.Comments, page, query.Size, query.Cursor?.Text, new RouteValueDictionary { ["id"] = id });
        return this.OkOrNotModified(
            EntityTags.ForPage(page, pageLinks, EntityTags.For),
            () => new HalPage<CommentsEmbedded>(pageLinks, query.Size, page.TotalItems, new(mapper.Map<List<CommentDto>>(page.Items))));
    }

    /// <summary>
    /// Comments on a post as the signed-in user. With an <c>Idempotency-Key</c>, a retry within 24 hours answers as the
    /// first request did and creates nothing.
    /// </summary>
    /// <remarks>
    /// A draft, or a post scheduled for later, is 404 for everyone but its author, who may comment on it. Members echoed
    /// back from a GET are ignored. The same key with a different body or post, or a key already used for a post, is 422.
    /// </remarks>
    [HttpPost("posts/{id:guid}/comments")]
    [SendsEntityTag(LastModified = true)]
    [ResponseHeader(StatusCodes.Status201Created, PostsController.ReplayedHeader, "true when this answer replays an earlier create with the same Idempotency-Key.")]
    [Authorize]
    [ConsumesExactly(MediaTypes.Json, MediaTypes.HalJson)]
    [ProducesResponseType<CommentDto>(StatusCodes.Status201Created)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesProblem(StatusCodes.Status422UnprocessableEntity)]
    [DocumentedHeader(IdempotencyKey.FieldName, "Optional: 1–200 visible ASCII characters naming this create, so that a retry within 24 hours creates nothing new.", MinLength = 1, MaxLength = 200)]
    public async Task<ActionResult<CommentDto>> Create(Guid id, CommentRequest request, CancellationToken cancellationToken)
    {
        // Read raw: model binding would turn an empty header into no header, and an empty key is an error.
        var key = IdempotencyKey.Parse(Request.Headers.TryGetValue(IdempotencyKey.FieldName, out var value) ? value.ToString() : null);
        var (comment, replayed) = await comments.CreateAsync(id, request.ToBody(), User.ToActor(), key, cancellationToken);
        EntityTags.SetValidators(Response, comment);
        if (replayed)
        {
            Response.Headers[PostsController.ReplayedHeader] = "true";
        }

        return CreatedAtRoute(RouteNames.Comment, new { id = comment.Id }, mapper.Map<CommentDto>(comment));
    }

    /// <summary>Gets one comment.</summary>
    /// <remarks>
    /// Its ETag and Last-Modified come with it; send the ETag back in If-None-Match for a 304, or in If-Match to change
    /// it. A comment on a post the reader may not see is 404.
    /// </remarks>
    [HttpGetOrHead("comments/{id:guid}", Name = RouteNames.Comment)]
    [SendsEntityTag(LastModified = true)]
    [ProducesResponseType<CommentDto>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<CommentDto>> Get(Guid id, CancellationToken cancellationToken)
    {
        var comment = await comments.GetAsync(id, User.UserIdOrNull(), cancellationToken);
        return this.OkOrNotModified(EntityTags.SetValidators(Response, comment), () => mapper.Map<CommentDto>(comment));
    }

    /// <summary>Changes a comment's body with an RFC 7396 merge patch (its author only).</summary>
    /// <remarks><c>body</c> left out keeps it; null or blank is 400. A stale If-Match is 412.</remarks>
    [HttpPatch("comments/{id:guid}")]
    [SendsEntityTag(LastModified = true)]
    [AcceptsPreconditions]
    [Authorize]
    [ConsumesExactly(MediaTypes.MergePatchJson)]
    [ProducesResponseType<CommentDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status412PreconditionFailed)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<ActionResult<CommentDto>> Patch(Guid id, CommentMergePatch patch, CancellationToken cancellationToken)
    {
        var comment = await comments.PatchAsync(id, patch.ToDomain(), User.ToActor(), EntityTags.ReadPreconditions(Request, id), cancellationToken);
        EntityTags.SetValidators(Response, comment);
        return mapper.Map<CommentDto>(comment);
    }

    /// <summary>Deletes a comment (its author, or the author of the post it is on).</summary>
    /// <remarks>A second delete of the same comment is 404. A stale If-Match is 412 and deletes nothing.</remarks>
    [HttpDelete("comments/{id:guid}")]
    [AcceptsPreconditions]
    [Authorize]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status412PreconditionFailed)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken)
    {
        await comments.DeleteAsync(id, User.ToActor(), EntityTags.ReadPreconditions(Request, id), cancellationToken);
        return NoContent();
    }
}
