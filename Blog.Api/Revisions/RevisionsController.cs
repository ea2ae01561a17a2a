using AutoMapper;
using Blog.Api.Auth;
using Blog.Api.Errors;
using Blog.Api.Hal;
using Blog.Api.Http;
using Blog.Api.OpenApi;
using Blog.Domain.Posts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Api.Revisions;

/// <summary>A post's earlier versions, for its author.</summary>
[ApiController]
[Route("posts/{id:guid}/revisions")]
[Authorize]
[Produces(MediaTypes.HalJson, MediaTypes.Json)]
public sealed class RevisionsController(PostService posts, IMapper mapper, HalLinks links) : ControllerBase
{
    /// <summary>Lists what each edit of the post's title, body or tags replaced, newest first (its author only).</summary>
    /// <remarks>A change of publishing alone keeps no revision. Another user gets 403; a post they may not see is 404.</remarks>
    [HttpGetOrHead(Name = RouteNames.Revisions)]
    [SendsEntityTag]
    [ProducesResponseType<HalPage<RevisionsEmbedded>>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<HalPage<RevisionsEmbedded>>> List(Guid id, [FromQuery] PageQuery query, CancellationToken cancellationToken)
    {
        var page = await posts.ListRevisionsAsync(id, User.ToActor(), query.ToPageRequest(), cancellationToken);
        var pageLinks = links.Page(RouteNames.Revisions, page, query.Size, query.Cursor?.Text, new RouteValueDictionary { ["id"] = id });
        return this.OkOrNotModified(
            EntityTags.ForPage(page, pageLinks, EntityTags.For),
            () => new HalPage<RevisionsEmbedded>(pageLinks, query.Size, page.TotalItems, new(mapper.Map<List<RevisionDto>>(page.Items))));
    }

    /// <summary>Gets one earlier version of the post (its author only).</summary>
    /// <remarks>A revision never changes, so its ETag never does either.</remarks>
    [HttpGetOrHead("{version:long}", Name = RouteNames.Revision)]
    [SendsEntityTag]
    [ProducesResponseType<RevisionDto>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<RevisionDto>> Get(Guid id, long version, CancellationToken cancellationToken)
    {
        var revision = await posts.GetRevisionAsync(id, version, User.ToActor(), cancellationToken);
        return this.OkOrNotModified(EntityTags.For(revision), () => mapper.Map<RevisionDto>(revision));
    }
}
