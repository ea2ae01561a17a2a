namespace Blog.Api.OpenApi;

/// <summary>
/// The action's successful answers (and its 304) carry a strong <c>ETag</c>, and with <see cref="LastModified"/>
/// a <c>Last-Modified</c> too; <see cref="ResponseHeaderFilter"/> documents them as always sent.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SendsEntityTagAttribute : Attribute
{
    public bool LastModified { get; init; }
}
