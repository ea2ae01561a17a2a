namespace Blog.Api.OpenApi;

/// <summary>A header the action sends with <see cref="StatusCode"/>, documented by <see cref="ResponseHeaderFilter"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ResponseHeaderAttribute(int statusCode, string name, string description) : Attribute
{
    public int StatusCode { get; } = statusCode;

    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>Sent with every such answer, not only with some.</summary>
    public bool Always { get; init; }
}
