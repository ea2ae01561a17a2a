using System.Globalization;
using Blog.Api.Validation;
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
    // One error per member: the first rule it breaks.
    public static IRuleBuilderOptions<T, string?> PostTitle<T>(this IRuleBuilderInitial<T, string?> rule) => rule
        .Cascade(CascadeMode.Stop)
        .NotNull().WithMessage("A title is required.")
        .NotBlank().WithMessage("The title must not be blank.")
        .NoControlCharacters().WithMessage("The title must not contain control characters.")
        .MaximumCharacters(Post.TitleMaxLength).WithMessage($"The title must be at most {Post.TitleMaxLength} characters.");

    public static IRuleBuilderOptions<T, string?> PostBody<T>(this IRuleBuilderInitial<T, string?> rule) => rule
        .Cascade(CascadeMode.Stop)
        .NotNull().WithMessage("A body is required.")
        .NotBlank().WithMessage("The body must not be blank.")
        .NoControlCharacters(allowTabsAndLineBreaks: true).WithMessage("The body must not contain control characters other than tabs and line breaks.")
        .MaximumCharacters(Post.BodyMaxLength).WithMessage(string.Create(CultureInfo.InvariantCulture, $"The body must be at most {Post.BodyMaxLength:N0} characters."));
}
