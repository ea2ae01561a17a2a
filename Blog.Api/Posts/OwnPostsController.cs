using AutoMapper;
using Blog.Api.Auth;
using Blog.Api.Errors;
using Blog.Api.Hal;
using Blog.Api.Http;
using Blog.Api.OpenApi;
using Blog.Domain.Posts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Api.Posts;

/// <summary>The signed-in author's own posts, in every state.</summary>
[ApiController]
[Route("me/posts")]
[Authorize]
[Produces(MediaTypes.HalJson, MediaTypes.Json)]
public sealed class OwnPostsController(PostService posts, IMapper mapper, HalLinks links) : ControllerBase
{
    /// <summary>Lists the signed-in author's posts: drafts, scheduled and published, newest first.</summary>
    /// <remarks>
    /// Ordered by <c>publishedDate</c> (a draft by <c>postedDate</c>). <c>status</c> keeps one kind: <c>draft</c>,
    /// <c>scheduled</c> (published, but its instant is still ahead) or <c>published</c> (public now).
    /// </remarks>
    [HttpGetOrHead(Name = RouteNames.OwnPosts)]
    [SendsEntityTag]
    [ProducesResponseType<HalPage<PostsEmbedded>>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    public async Task<ActionResult<HalPage<PostsEmbedded>>> List([FromQuery] OwnPostsQuery query, CancellationToken cancellationToken)
    {
        var page = await posts.ListOwnAsync(User.ToActor(), query.ToFilter(), query.ToPageRequest(), cancellationToken);
        var pageLinks = links.Page(RouteNames.OwnPosts, page, query.Size, query.Cursor?.Text, query.FilterValues());
        return this.OkOrNotModified(
            EntityTags.ForPage(page, pageLinks, EntityTags.For),
            () => new HalPage<PostsEmbedded>(pageLinks, query.Size, page.TotalItems, new(mapper.Map<List<PostDto>>(page.Items))));
    }
}
