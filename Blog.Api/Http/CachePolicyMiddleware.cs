namespace Blog.Api.Http;

/// <summary>
/// Sets <c>Cache-Control</c> and <c>Vary</c> on every response as <see cref="CachePolicy"/> says, at the last moment
/// (when the response starts), so that the final status decides: a problem written by any later middleware or filter
/// is covered. It runs outside the exception handler, so its word is the last one on a 500 too.
/// </summary>
public sealed class CachePolicyMiddleware(RequestDelegate next, CachePolicy policy)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var request = context.Request;
            var response = context.Response;
            var credentials = request.Headers.Authorization.Count > 0 || context.User.Identity?.IsAuthenticated == true;
            var saidNoStore = response.Headers.CacheControl.ToString().Contains(CachePolicy.NoStore, StringComparison.OrdinalIgnoreCase);
            response.Headers.CacheControl = policy.CacheControl(request.Method, credentials, response.StatusCode, saidNoStore);
            response.Headers.Vary = response.Headers.Vary.Count == 0 ? policy.Vary : $"{response.Headers.Vary}, {policy.Vary}";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
