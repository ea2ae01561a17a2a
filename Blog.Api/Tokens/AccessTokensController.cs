using AutoMapper;
using Blog.Api.Auth;
using Blog.Api.Errors;
using Blog.Api.Hal;
using Blog.Api.Http;
using Blog.Domain.Tokens;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Api.Tokens;

/// <summary>The signed-in user's personal access tokens: Bearer credentials with their own scopes and expiry, revocable at once.</summary>
[ApiController]
[Route("me/tokens")]
[Authorize]
[Produces(MediaTypes.HalJson, MediaTypes.Json)]
public sealed class AccessTokensController(AccessTokenService tokens, IMapper mapper, HalLinks links) : ControllerBase
{
    /// <summary>Lists the signed-in user's tokens, newest first, a page at a time.</summary>
    /// <remarks>Never shows a token's secret. Expired tokens stay listed until they are deleted.</remarks>
    [HttpGetOrHead(Name = RouteNames.Tokens)]
    [ProducesResponseType<HalPage<AccessTokensEmbedded>>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    public async Task<HalPage<AccessTokensEmbedded>> List([FromQuery] PageQuery query, CancellationToken cancellationToken)
    {
        var page = await tokens.ListAsync(User.ToActor(), query.ToPageRequest(), cancellationToken);
        var pageLinks = links.Page(RouteNames.Tokens, page, query.Size, query.Cursor?.Text, []);
        return new HalPage<AccessTokensEmbedded>(pageLinks, query.Size, page.TotalItems, new(mapper.Map<List<AccessTokenDto>>(page.Items)));
    }

    /// <summary>Gets one of the signed-in user's tokens.</summary>
    /// <remarks>Another user's token, or a deleted one, is 404.</remarks>
    [HttpGetOrHead("{id:guid}", Name = RouteNames.Token)]
    [ProducesResponseType<AccessTokenDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<AccessTokenDto> Get(Guid id, CancellationToken cancellationToken) =>
        mapper.Map<AccessTokenDto>(await tokens.GetAsync(User.ToActor(), id, cancellationToken));

    /// <summary>Creates a token; the answer shows its secret, this once.</summary>
    /// <remarks>
    /// Only with a password (Basic): a request signed in with a token is 403. Only the SHA-256 of the secret is
    /// stored, so a lost secret cannot be shown again: delete the token and create another. Idempotency-Key does not
    /// apply: a replay would have to show the secret a second time.
    /// </remarks>
    [HttpPost]
    [Authorize(Policy = AuthorizationPolicies.PasswordOnly)]
    [ConsumesExactly(MediaTypes.Json, MediaTypes.HalJson)]
    [ProducesResponseType<CreatedAccessTokenDto>(StatusCodes.Status201Created)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<ActionResult<CreatedAccessTokenDto>> Create(CreateAccessTokenRequest request, CancellationToken cancellationToken)
    {
        var issued = await tokens.IssueAsync(User.ToActor(), request.Name!, request.Scopes!, request.ExpiresInDays!.Value, cancellationToken);
        // The secret must not outlive this answer in any cache.
        Response.Headers.CacheControl = "no-store";
        return CreatedAtRoute(RouteNames.Token, new { id = issued.Token.Id }, mapper.Map<CreatedAccessTokenDto>(issued));
    }

    /// <summary>Revokes one of the signed-in user's tokens, at once: the next request that presents it, on any instance, is 401.</summary>
    /// <remarks>Another user's token, or one already deleted, is 404.</remarks>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken)
    {
        await tokens.RevokeAsync(User.ToActor(), id, cancellationToken);
        return NoContent();
    }
}
