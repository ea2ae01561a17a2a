using Blog.Api.Hal;
using Blog.Api.Validation;
using Blog.Domain.Posts;
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

    public PostFilter ToFilter() => new(Author, Q);

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
    }
}
