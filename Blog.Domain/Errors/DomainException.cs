namespace Blog.Domain.Errors;

/// <summary>A broken rule of the domain; the API turns each kind into one HTTP status.</summary>
public abstract class DomainException(string title, string detail) : Exception(detail)
{
    public string Title { get; } = title;
}

public sealed class NotFoundException(string detail) : DomainException("Not Found", detail);

public sealed class ForbiddenException(string detail) : DomainException("Forbidden", detail);

public sealed class ConflictException(string detail) : DomainException("Conflict", detail);

/// <summary>A request that is well-formed but contradicts an earlier one (e.g. a reused idempotency key).</summary>
public sealed class UnprocessableException(string detail) : DomainException("Unprocessable Content", detail);

public sealed class PreconditionFailedException(string detail) : DomainException("Precondition Failed", detail);

/// <summary>Input that is well-formed JSON but breaks a rule, keyed by the request's property names.</summary>
public sealed class ValidationException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException("One or more validation errors occurred.", "See the errors member for the fields to fix.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
