using Microsoft.AspNetCore.Mvc;

namespace Baseline;

/// <summary>
/// GET /mvc/posts/{id}: the same read as the minimal endpoint through a bare MVC controller (the app's only one),
/// so that what the MVC pipeline itself costs is measured apart from what a service builds around it.
/// </summary>
[ApiController]
[Route("mvc/posts")]
public sealed class PostsController(IStore store) : ControllerBase
{
    [HttpGet("{id:guid}")]
    public async Task<ActionResult<Post>> Get(Guid id) => await store.FindPostAsync(id) is { } post ? post : NotFound();
}
