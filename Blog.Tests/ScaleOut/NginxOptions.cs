namespace Blog.Tests.ScaleOut;

public sealed record NginxOptions
{
    /// <summary>A <c>proxy_cache</c> in front of the upstreams, revalidating with the stored validators.</summary>
    public bool Cache { get; init; }
}
