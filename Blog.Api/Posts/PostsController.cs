using AutoMapper;
using Blog.Api.Auth;
using Blog.Api.Errors;
using Blog.Api.Hal;
using Blog.Api.Http;
using Blog.Api.OpenApi;
using Blog.Api.RateLimits;
using Blog.Domain.Posts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Blog.Api.Posts;

/// <summary>The blog's posts: read by anyone, written by their authors.</summary>
[ApiController]
[Route("posts")]
[Produces(MediaTypes.HalJson, MediaTypes.Json)]
public sealed class PostsController(PostService posts, IMapper mapper, HalLinks links) : ControllerBase
{
    /// <summary>Set on a create answered from an earlier request with the same Idempotency-Key.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>Lists posts, newest first, a page at a time.</summary>
    /// <remarks>
    /// Filters (<c>author</c>, <c>q</c>) are kept in every link. Follow <c>next</c> and <c>prev</c> rather than
    /// building a cursor; a page's ETag answers a repeated GET with 304. Only a few searches (<c>q</c>) run at once:
    /// when they are all taken, a search is 503 with Retry-After.
    /// </remarks>
    /// <response code="503">Every place for a search (q) is taken; search again after Retry-After.</response>
    [HttpGetOrHead(Name = RouteNames.Posts)]
    [EnableRateLimiting(SearchesPolicy.Name)]
    [SendsEntityTag]
    [ProducesResponseType<HalPage<PostsEmbedded>>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable)]
    [ResponseHeader(StatusCodes.Status503ServiceUnavailable, "Retry-After", "Seconds to wait before searching again.", Always = true)]
    public async Task<ActionResult<HalPage<PostsEmbedded>>> List([FromQuery] PostListQuery query, CancellationToken cancellationToken)
    {
        var request = query.ToPageRequest();
        var page = await posts.ListAsync(query.ToFilter(), request, cancellationToken);
        var pageLinks = links.Page(RouteNames.Posts, page, query.Size, query.Cursor?.Text, query.FilterValues());
        return this.OkOrNotModified(
            EntityTags.ForPage(page, pageLinks, EntityTags.For),
            () => new HalPage<PostsEmbedded>(pageLinks, query.Size, page.TotalItems, new(mapper.Map<List<PostDto>>(page.Items))));
    }

    /// <summary>Gets one post.</summary>
    /// <remarks>
    /// Its ETag and Last-Modified come with it; send the ETag back in If-None-Match for a 304, or in If-Match to change
    /// it. A draft, or a post scheduled for later, is 404 for everyone but its author.
    /// </remarks>
    [HttpGetOrHead("{id:guid}", Name = RouteNames.Post)]
    [SendsEntityTag(LastModified = true)]
    [ProducesResponseType<PostDto>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<PostDto>> Get(Guid id, CancellationToken cancellationToken)
    {
        var post = await posts.GetAsync(id, User.UserIdOrNull(), cancellationToken);
        return this.OkOrNotModified(EntityTags.SetValidators(Response, post), () => mapper.Map<PostDto>(post));
    }

    /// <summary>
    /// Writes a post by the signed-in user: published now, scheduled, or a draft. With an <c>Idempotency-Key</c>, a
    /// retry within 24 hours answers as the first request did and creates nothing.
    /// </summary>
    /// <remarks>
    /// The author is the signed-in user. Without <c>status</c> the post is published now; <c>"status": "draft"</c>
    /// keeps it to its author; a future <c>publishedDate</c> schedules it. Members echoed back from a GET (<c>id</c>,
    /// <c>authorName</c>, <c>postedDate</c>, <c>updatedDate</c>, <c>commentCount</c>, <c>_links</c>) are ignored. The
    /// same key with a different body is 422.
    /// </remarks>
    [HttpPost]
    [SendsEntityTag(LastModified = true)]
    [ResponseHeader(StatusCodes.Status201Created, ReplayedHeader, "true when this answer replays an earlier create with the same Idempotency-Key.")]
    [Authorize]
    [ConsumesExactly(MediaTypes.Json, MediaTypes.HalJson)]
    [ProducesResponseType<PostDto>(StatusCodes.Status201Created)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesProblem(StatusCodes.Status422UnprocessableEntity)]
    [DocumentedHeader(IdempotencyKey.FieldName, "Optional: 1–200 visible ASCII characters naming this create, so that a retry within 24 hours creates nothing new.", MinLength = 1, MaxLength = 200)]
    public async Task<ActionResult<PostDto>> Create(PostRequest request, CancellationToken cancellationToken)
    {
        // Read raw: model binding would turn an empty header into no header, and an empty key is an error.
        var key = IdempotencyKey.Parse(Request.Headers.TryGetValue(IdempotencyKey.FieldName, out var value) ? value.ToString() : null);
        var (post, replayed) = await posts.CreateAsync(request.ToContent(), request.ToPublishing(), User.ToActor(), key, cancellationToken);
        EntityTags.SetValidators(Response, post);
        if (replayed)
        {
            Response.Headers[ReplayedHeader] = "true";
        }

        return CreatedAtRoute(RouteNames.Post, new { id = post.Id }, mapper.Map<PostDto>(post));
    }

    /// <summary>Replaces a post's title and body, and its tags and publishing when given (its author only).</summary>
    /// <remarks>
    /// Title and body are required; <c>tags</c>, <c>status</c> and <c>publishedDate</c> left out keep their values (a
    /// v1 client neither publishes a draft nor drops tags). Anything else in the body, such as what a GET returned, is
    /// ignored. A stale If-Match is 412.
    /// </remarks>
    [HttpPut("{id:guid}")]
    [SendsEntityTag(LastModified = true)]
    [AcceptsPreconditions]
    [Authorize]
    [ConsumesExactly(MediaTypes.Json, MediaTypes.HalJson)]
    [ProducesResponseType<PostDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status412PreconditionFailed)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<ActionResult<PostDto>> Replace(Guid id, PostRequest request, CancellationToken cancellationToken)
    {
        var post = await posts.ReplaceAsync(
            id, request.ToContent(), request.ToPublishing(), User.ToActor(), EntityTags.ReadPreconditions(Request, id), cancellationToken);
        EntityTags.SetValidators(Response, post);
        return mapper.Map<PostDto>(post);
    }

    /// <summary>Changes some of a post's members with an RFC 7396 merge patch (its author only).</summary>
    /// <remarks>
    /// <c>title</c>, <c>body</c>, <c>tags</c> (the whole list), <c>status</c> and <c>publishedDate</c> can change; a
    /// member left out keeps its value, and null for any of them is 400 (but <c>publishedDate</c> may be null beside
    /// <c>"status": "draft"</c>). <c>{"status": "published"}</c> publishes a draft now. A stale If-Match is 412.
    /// </remarks>
    [HttpPatch("{id:guid}")]
    [SendsEntityTag(LastModified = true)]
    [AcceptsPreconditions]
    [Authorize]
    [ConsumesExactly(MediaTypes.MergePatchJson)]
    [ProducesResponseType<PostDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status412PreconditionFailed)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<ActionResult<PostDto>> Patch(Guid id, PostMergePatch patch, CancellationToken cancellationToken)
    {
        var post = await posts.PatchAsync(id, patch.ToDomain(), User.ToActor(), EntityTags.ReadPreconditions(Request, id), cancellationToken);
        EntityTags.SetValidators(Response, post);
        return mapper.Map<PostDto>(post);
    }

    /// <summary>Deletes a post (its author only).</summary>
    /// <remarks>A second delete of the same post is 404. A stale If-Match is 412 and deletes nothing.</remarks>
    [HttpDelete("{id:guid}")]
    [AcceptsPreconditions]
    [Authorize]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status412PreconditionFailed)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken)
    {
        await posts.DeleteAsync(id, User.ToActor(), EntityTags.ReadPreconditions(Request, id), cancellationToken);
        return NoContent();
    }
}
