using AutoMapper;
using Blog.Api.Errors;
using Blog.Api.Hal;
using Blog.Api.Http;
using Blog.Domain.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Api.Users;

/// <summary>The signed-in user: who the credentials belong to.</summary>
[ApiController]
[Route("me")]
[Authorize]
[Produces(MediaTypes.HalJson, MediaTypes.Json)]
public sealed class MeController(UserService users, IMapper mapper) : ControllerBase
{
    /// <summary>The signed-in user's own representation.</summary>
    /// <remarks>Links to the user's public profile and posts; never carries the password.</remarks>
    [HttpGetOrHead(Name = RouteNames.Me)]
    [ProducesResponseType<MeDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    public async Task<MeDto> Get(CancellationToken cancellationToken) =>
        mapper.Map<MeDto>(await users.GetAsync(User.Identity!.Name!, cancellationToken));
}
