using System.Globalization;
using Blog.Domain.Posts;
using FluentValidation;

namespace Blog.Api.Posts;

public sealed class PostRequestValidator : AbstractValidator<PostRequest>
{
    public PostRequestValidator()
    {
        RuleFor(request => request.Title).PostTitle();
        RuleFor(request => request.Body).PostBody();
    }
}

public sealed class PostMergePatchValidator : AbstractValidator<PostMergePatch>
{
    public PostMergePatchValidator()
    {
        When(patch => patch.HasTitle, () => RuleFor(patch => patch.Title).PostTitle());
        When(patch => patch.HasBody, () => RuleFor(patch => patch.Body).PostBody());
    }
}

internal static class PostRules
{
    public static IRuleBuilderOptions<T, string?> PostTitle<T>(this IRuleBuilder<T, string?> rule) => rule
        .NotNull().WithMessage("A title is required.")
        .Must(NotBlank).WithMessage("The title must not be blank.")
        .MaximumLength(Post.TitleMaxLength).WithMessage($"The title must be at most {Post.TitleMaxLength} characters.");

    public static IRuleBuilderOptions<T, string?> PostBody<T>(this IRuleBuilder<T, string?> rule) => rule
        .NotNull().WithMessage("A body is required.")
        .Must(NotBlank).WithMessage("The body must not be blank.")
        .MaximumLength(Post.BodyMaxLength).WithMessage(string.Create(CultureInfo.InvariantCulture, $"The body must be at most {Post.BodyMaxLength:N0} characters."));

    private static bool NotBlank(string? text) => text is null || !string.IsNullOrWhiteSpace(text);
}
