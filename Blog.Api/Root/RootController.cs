using System.Text.Json.Serialization;
using Blog.Api.Hal;
using Blog.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Api.Root;

/// <summary>Where clients start: links to everything else.</summary>
[ApiController]
[Route("")]
[Produces(MediaTypes.HalJson, MediaTypes.Json)]
public sealed class RootController(HalLinks links) : ControllerBase
{
    /// <summary>The entry point: follow its links, never build URLs.</summary>
    /// <remarks>Links to the posts, the users, the signed-in user and their own posts, and the tags.</remarks>
    [HttpGetOrHead(Name = RouteNames.Root)]
    [ProducesResponseType<RootDto>(StatusCodes.Status200OK)]
    public RootDto Get() => new(new RootLinks(links.Root(), links.Posts(), links.Users(), links.Me(), links.OwnPosts(), links.Tags()));
}

public sealed record RootDto([property: JsonPropertyName("_links")] RootLinks Links);

public sealed record RootLinks(Link Self, Link Posts, Link Users, Link Me, Link MyPosts, Link Tags);
