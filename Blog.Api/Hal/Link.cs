namespace Blog.Api.Hal;

/// <summary>A HAL link object: an absolute URL.</summary>
public sealed record Link(string Href);

/// <summary>A HAL link object with a <c>name</c>, which tells apart the links of one relation (a post's tags).</summary>
public sealed record NamedLink(string Href, string Name);
