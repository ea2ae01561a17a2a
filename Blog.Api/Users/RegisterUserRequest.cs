using Blog.Api.Validation;
using Blog.Domain.Users;
using FluentValidation;

namespace Blog.Api.Users;

/// <summary>The body of a registration.</summary>
/// <param name="Username" example="rick">3–32 ASCII letters, digits, '_' or '-'; unique without regard to case.</param>
/// <param name="Password" example="password1">8–128 characters; stored only as a salted PBKDF2 hash.</param>
/// <param name="DisplayName" example="Rick">Optional, at most 100 characters.</param>
public sealed record RegisterUserRequest(string? Username, string? Password, string? DisplayName);

public sealed class RegisterUserRequestValidator : AbstractValidator<RegisterUserRequest>
{
    public RegisterUserRequestValidator()
    {
        RuleFor(request => request.Username)
            .NotNull().WithMessage("A username is required.")
            .Matches(User.UsernamePattern()).WithMessage(
                $"A username is {User.UsernameMinLength} to {User.UsernameMaxLength} ASCII letters, digits, '_' or '-'.");
        RuleFor(request => request.Password)
            .NotNull().WithMessage("A password is required.")
            .CharacterCountBetween(User.PasswordMinLength, User.PasswordMaxLength).WithMessage(
                $"A password is {User.PasswordMinLength} to {User.PasswordMaxLength} characters.");
        RuleFor(request => request.DisplayName)
            .NotBlank().When(request => request.DisplayName is { Length: > 0 }, ApplyConditionTo.CurrentValidator)
            .WithMessage("A display name is empty (none) or has a visible character.")
            .NoControlCharacters().WithMessage("A display name must not contain control characters.")
            .MaximumCharacters(User.DisplayNameMaxLength).WithMessage(
                $"A display name is at most {User.DisplayNameMaxLength} characters.");
    }
}
