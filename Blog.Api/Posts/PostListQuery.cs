using Blog.Api.Hal;
using Blog.Api.Validation;
using Blog.Domain.Posts;
using Blog.Domain.Tags;
using Blog.Domain.Users;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Api.Posts;

/// <summary>The query string of <c>GET /posts</c>.</summary>
public sealed class PostListQuery : PageQuery
{
    public const int MaxTextLength = 200;

    /// <summary>Only posts by this author (a username, matched without regard to case).</summary>
    [FromQuery(Name = "author")]
    public string? Author { get; init; }

    /// <summary>Only posts whose title or body contains this text, without regard to case.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>
    /// Only posts with this tag: 1 to 32 of a-z, 0-9 and '-' once trimmed and lower-cased, as tags are written (empty or
    /// blank, like <c>author</c> and <c>q</c>: no filter).
    /// </summary>
    [FromQuery(Name = "tag")]
    public string? Tag { get; init; }

    /// <summary>The tag as tags are written, which the links keep.</summary>
    private string? NormalizedTag => Tag is null ? null : TagName.Normalize(Tag);

    public PostFilter ToFilter() => new(Author, Q, NormalizedTag);

    public RouteValueDictionary FilterValues()
    {
        var values = new RouteValueDictionary();
        if (Author is not null)
        {
            values["author"] = Author;
        }

        if (Q is not null)
        {
            values["q"] = Q;
        }

        if (NormalizedTag is { } tag)
        {
            values["tag"] = tag;
        }

        return values;
    }
}

public sealed class PostListQueryValidator : AbstractValidator<PostListQuery>
{
    public PostListQueryValidator(IValidator<PageQuery> pageValidator)
    {
        Include(pageValidator);
        RuleFor(query => query.Author).MaximumLength(User.UsernameMaxLength)
            .WithMessage($"An author's username is at most {User.UsernameMaxLength} characters.");
        RuleFor(query => query.Q)
            .MaximumCharacters(PostListQuery.MaxTextLength).WithMessage($"The search text must be at most {PostListQuery.MaxTextLength} characters.")
            .NoControlCharacters().WithMessage("The search text must not contain control characters.");
        RuleFor(query => query.Tag)
            .Must(tag => TagName.IsValid(TagName.Normalize(tag!))).When(query => query.Tag is not null)
            .WithMessage($"A tag is 1 to {TagName.MaxLength} of a-z, 0-9 and '-' (after trimming and lower-casing).");
    }
}
