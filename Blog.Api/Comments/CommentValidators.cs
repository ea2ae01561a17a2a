using Blog.Api.Validation;
using Blog.Domain.Comments;
using FluentValidation;

namespace Blog.Api.Comments;

public sealed class CommentRequestValidator : AbstractValidator<CommentRequest>
{
    public CommentRequestValidator() => RuleFor(request => request.Body).WrittenBody(Comment.BodyMaxLength);
}

public sealed class CommentMergePatchValidator : AbstractValidator<CommentMergePatch>
{
    public CommentMergePatchValidator() => When(patch => patch.HasBody, () => RuleFor(patch => patch.Body).WrittenBody(Comment.BodyMaxLength));
}
