using Blog.Api.Validation;
using Blog.Domain.Posts;
using Blog.Domain.Tags;
using FluentValidation;

namespace Blog.Api.Posts;

public sealed class PostRequestValidator : AbstractValidator<PostRequest>
{
    public PostRequestValidator()
    {
        RuleFor(request => request.Title).PostTitle();
        RuleFor(request => request.Body).PostBody();
        When(request => request.Tags is not null, () => RuleFor(request => request.Tags).PostTags());
        When(request => request.Status is not null, () => RuleFor(request => request.Status).PostStatus());
        RuleFor(request => request.PublishedDate).Null().When(request => request.Status == PostStatusNames.Draft)
            .WithMessage(PostRules.DraftHasNoPublishedDate);
    }
}

public sealed class PostMergePatchValidator : AbstractValidator<PostMergePatch>
{
    public PostMergePatchValidator()
    {
        When(patch => patch.HasTitle, () => RuleFor(patch => patch.Title).PostTitle());
        When(patch => patch.HasBody, () => RuleFor(patch => patch.Body).PostBody());
        When(patch => patch.HasTags, () => RuleFor(patch => patch.Tags).PostTags());
        When(patch => patch.HasStatus, () => RuleFor(patch => patch.Status)
            .Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("status cannot be null; send \"draft\" or \"published\".")
            .PostStatus());
        When(patch => patch.HasPublishedDate, () =>
        {
            RuleFor(patch => patch.PublishedDate).Null().When(patch => patch.Status == PostStatusNames.Draft)
                .WithMessage(PostRules.DraftHasNoPublishedDate);
            RuleFor(patch => patch.PublishedDate).NotNull().When(patch => patch.Status != PostStatusNames.Draft)
                .WithMessage("publishedDate cannot be null; to take a post back, send \"status\": \"draft\".");
        });
    }
}

internal static class PostRules
{
    public const string DraftHasNoPublishedDate = "A draft has no publishedDate; leave it out, or send \"status\": \"published\".";

    // One error per member: the first rule it breaks.
    public static IRuleBuilderOptions<T, string?> PostTitle<T>(this IRuleBuilderInitial<T, string?> rule) => rule
        .Cascade(CascadeMode.Stop)
        .NotNull().WithMessage("A title is required.")
        .NotBlank().WithMessage("The title must not be blank.")
        .NoControlCharacters().WithMessage("The title must not contain control characters.")
        .MaximumCharacters(Post.TitleMaxLength).WithMessage($"The title must be at most {Post.TitleMaxLength} characters.");

    public static IRuleBuilderOptions<T, string?> PostBody<T>(this IRuleBuilderInitial<T, string?> rule) => rule.WrittenBody(Post.BodyMaxLength);

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> PostTags<T>(this IRuleBuilderInitial<T, IReadOnlyList<string>?> rule) => rule
        .Cascade(CascadeMode.Stop)
        .NotNull().WithMessage("tags cannot be null; send [] for none.")
        .Must(tags => tags!.All(tag => tag is not null && TagName.IsValid(TagName.Normalize(tag))))
        .WithMessage($"Each tag is 1 to {TagName.MaxLength} of a-z, 0-9 and '-' (after trimming and lower-casing).")
        .Must(tags => TagName.NormalizeAll(tags!).Count <= TagName.MaxPerPost)
        .WithMessage($"A post has at most {TagName.MaxPerPost} tags.");

    public static IRuleBuilderOptions<T, string?> PostStatus<T>(this IRuleBuilder<T, string?> rule) =>
        rule.OneOf(PostStatusNames.All).WithMessage("status is draft or published.");
}
