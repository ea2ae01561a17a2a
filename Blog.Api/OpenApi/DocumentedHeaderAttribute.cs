namespace Blog.Api.OpenApi;

/// <summary>A request header an action reads itself, listed in the OpenAPI document by <see cref="DocumentedHeaderFilter"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public class DocumentedHeaderAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    public int MinLength { get; init; }

    /// <summary>0 for no limit.</summary>
    public int MaxLength { get; init; }
}
