namespace Blog.Domain;

/// <summary>The authenticated user on whose behalf a service acts.</summary>
public sealed record Actor(Guid UserId, string Username);
