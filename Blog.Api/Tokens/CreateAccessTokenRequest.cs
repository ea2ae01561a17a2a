using Blog.Api.Validation;
using Blog.Domain.Tokens;
using FluentValidation;

namespace Blog.Api.Tokens;

/// <summary>The body of a token's creation.</summary>
/// <param name="Name" example="deploy script">What the token is for: required, not blank, at most 100 characters.</param>
/// <param name="Scopes">One or both of <c>read</c> and <c>write</c>, each once. Every token may read; <c>write</c> adds every write its owner may make.</param>
/// <param name="ExpiresInDays" example="30">How many days the token works for: 1 to 365.</param>
public sealed record CreateAccessTokenRequest(string? Name, IReadOnlyList<string?>? Scopes, int? ExpiresInDays);

public sealed class CreateAccessTokenRequestValidator : AbstractValidator<CreateAccessTokenRequest>
{
    public CreateAccessTokenRequestValidator()
    {
        RuleFor(request => request.Name)
            .Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("A name is required.")
            .NotBlank().WithMessage("The name must not be blank.")
            .NoControlCharacters().WithMessage("The name must not contain control characters.")
            .MaximumCharacters(AccessToken.NameMaxLength).WithMessage($"The name must be at most {AccessToken.NameMaxLength} characters.");
        RuleFor(request => request.Scopes)
            .NotEmpty().WithMessage("At least one scope is required: 'read' or 'write'.")
            .Must(scopes => scopes is null || scopes.Distinct().Count() == scopes.Count).WithMessage("Each scope may be listed only once.");
        RuleForEach(request => request.Scopes)
            .OneOf(AccessTokenScopeNames.All).WithMessage("A scope is 'read' or 'write'.");
        RuleFor(request => request.ExpiresInDays)
            .NotNull().WithMessage("expiresInDays is required.")
            .InclusiveBetween(AccessToken.MinLifetimeDays, AccessToken.MaxLifetimeDays)
            .WithMessage($"A token expires in {AccessToken.MinLifetimeDays} to {AccessToken.MaxLifetimeDays} days.");
    }
}
