using AutoMapper;
using Blog.Api.Errors;
using Blog.Api.Hal;
using Blog.Api.Http;
using Blog.Domain.Users;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Api.Users;

/// <summary>The blog's authors: anyone may register and read them.</summary>
[ApiController]
[Route("users")]
[Produces(MediaTypes.HalJson, MediaTypes.Json)]
public sealed class UsersController(UserService users, IMapper mapper, HalLinks links) : ControllerBase
{
    /// <summary>Lists authors, newest first, a page at a time.</summary>
    /// <remarks>Paged like posts: follow <c>next</c> and <c>prev</c>; each author links to their posts.</remarks>
    [HttpGetOrHead(Name = RouteNames.Users)]
    [ProducesResponseType<HalPage<UsersEmbedded>>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    public async Task<HalPage<UsersEmbedded>> List([FromQuery] PageQuery query, CancellationToken cancellationToken)
    {
        var request = query.ToPageRequest();
        var page = await users.ListAsync(request, cancellationToken);
        var pageLinks = links.Page(RouteNames.Users, page, query.Size, query.Cursor?.Text, []);
        return new HalPage<UsersEmbedded>(pageLinks, query.Size, page.TotalItems, new(mapper.Map<List<UserDto>>(page.Items)));
    }

    /// <summary>Gets one author by username (matched without regard to case).</summary>
    /// <remarks>An unknown username is 404.</remarks>
    [HttpGetOrHead("{username}", Name = RouteNames.User)]
    [ProducesResponseType<UserDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<UserDto> Get(string username, CancellationToken cancellationToken) =>
        mapper.Map<UserDto>(await users.GetAsync(username, cancellationToken));

    /// <summary>Registers an author.</summary>
    /// <remarks>Usernames are unique without regard to case: <c>Rick</c> after <c>rick</c> is 409. The password is stored only as a salted PBKDF2 hash.</remarks>
    [HttpPost]
    [ConsumesExactly(MediaTypes.Json, MediaTypes.HalJson)]
    [ProducesResponseType<UserDto>(StatusCodes.Status201Created)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<ActionResult<UserDto>> Register(RegisterUserRequest request, CancellationToken cancellationToken)
    {
        var user = await users.RegisterAsync(request.Username!, request.Password!, request.DisplayName, cancellationToken);
        return CreatedAtRoute(RouteNames.User, new { username = user.Username }, mapper.Map<UserDto>(user));
    }
}
