using AutoMapper;
using Blog.Api.Errors;
using Blog.Api.Hal;
using Blog.Api.Http;
using Blog.Api.OpenApi;
using Blog.Domain.Tags;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Api.Tags;

/// <summary>The tags of public posts, with how many carry each.</summary>
[ApiController]
[Route("tags")]
[Produces(MediaTypes.HalJson, MediaTypes.Json)]
public sealed class TagsController(TagService tags, IMapper mapper, HalLinks links) : ControllerBase
{
    /// <summary>Lists the tags of public posts, most used first, then by name, a page at a time.</summary>
    /// <remarks>
    /// Drafts and posts scheduled for later do not count; a scheduled post counts from its instant on. Follow
    /// <c>next</c> and <c>prev</c> rather than building a cursor (a cursor of another list is 400); a page's ETag
    /// answers a repeated GET with 304.
    /// </remarks>
    [HttpGetOrHead(Name = RouteNames.Tags)]
    [SendsEntityTag]
    [ProducesResponseType<HalPage<TagsEmbedded>>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<HalPage<TagsEmbedded>>> List([FromQuery] TagListQuery query, CancellationToken cancellationToken)
    {
        var page = await tags.ListAsync(query.Size, query.Cursor?.Position, cancellationToken);
        var pageLinks = links.Page(RouteNames.Tags, page, query.Size, query.Cursor?.Text, []);
        return this.OkOrNotModified(
            EntityTags.ForPage(page, pageLinks, EntityTags.For),
            () => new HalPage<TagsEmbedded>(pageLinks, query.Size, page.TotalItems, new(mapper.Map<List<TagDto>>(page.Items))));
    }

    /// <summary>Gets one tag, with its count of public posts and a link to them.</summary>
    /// <remarks>
    /// The name is matched as tags are written (trimmed and lower-cased). A tag that no public post carries (none
    /// ever did, or only drafts and posts scheduled for later do) is 404.
    /// </remarks>
    [HttpGetOrHead("{name}", Name = RouteNames.Tag)]
    [SendsEntityTag]
    [ProducesResponseType<TagDto>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<TagDto>> Get(string name, CancellationToken cancellationToken)
    {
        var tag = await tags.GetAsync(name, cancellationToken);
        return this.OkOrNotModified(EntityTags.For(tag), () => mapper.Map<TagDto>(tag));
    }
}
