using System.Security.Claims;
using Blog.Domain;

namespace Blog.Api.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user, as the domain knows them; only called behind [Authorize].</summary>
    public static Actor ToActor(this ClaimsPrincipal principal) => new(
        Guid.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No user is signed in.")),
        principal.Identity?.Name ?? throw new InvalidOperationException("No user is signed in."));

    /// <summary>The signed-in user's id, or null for an anonymous request (reads may be made either way).</summary>
    public static Guid? UserIdOrNull(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? Guid.Parse(id) : null;
}
