namespace Blog.Api.Hal;

/// <summary>A HAL link object: an absolute URL.</summary>
public sealed record Link(string Href);
