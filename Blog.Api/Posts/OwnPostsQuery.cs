using Blog.Api.Hal;
using Blog.Api.Validation;
using Blog.Domain.Posts;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Api.Posts;

/// <summary>The query string of <c>GET /me/posts</c>.</summary>
public sealed class OwnPostsQuery : PageQuery
{
    public const string Draft = "draft";
    public const string Scheduled = "scheduled";
    public const string Published = "published";

    public static readonly IReadOnlyList<string> Statuses = [Draft, Scheduled, Published];

    /// <summary>Only drafts, only posts scheduled for later, or only posts already public.</summary>
    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    public OwnPostsFilter ToFilter() => Status switch
    {
        Draft => OwnPostsFilter.Draft,
        Scheduled => OwnPostsFilter.Scheduled,
        Published => OwnPostsFilter.Published,
        _ => OwnPostsFilter.All,
    };

    public RouteValueDictionary FilterValues() => Status is null ? [] : new RouteValueDictionary { ["status"] = Status };
}

public sealed class OwnPostsQueryValidator : AbstractValidator<OwnPostsQuery>
{
    public OwnPostsQueryValidator(IValidator<PageQuery> pageValidator)
    {
        Include(pageValidator);
        When(query => query.Status is not null, () =>
            RuleFor(query => query.Status).OneOf(OwnPostsQuery.Statuses).WithMessage("status is draft, scheduled or published."));
    }
}
