using Blog.Domain.Paging;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Api.Hal;

/// <summary>The paging part of a collection's query string.</summary>
public class PageQuery
{
    /// <summary>Items per page, 1 to 100.</summary>
    [FromQuery(Name = "size")]
    public int Size { get; init; } = PageRequest.DefaultSize;

    /// <summary>Where the page starts: copy it from a <c>next</c> or <c>prev</c> link, never build it.</summary>
    [ModelBinder(typeof(SealedCursorBinder), Name = "cursor")]
    public SealedCursor? Cursor { get; init; }

    public PageRequest ToPageRequest() => new(Size, Cursor?.Position);
}

public sealed class PageQueryValidator : AbstractValidator<PageQuery>
{
    public PageQueryValidator() => RuleFor(query => query.Size).PageSize();
}

public static class PageRules
{
    public static IRuleBuilderOptions<T, int> PageSize<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, PageRequest.MaxSize).WithMessage($"The page size must be between 1 and {PageRequest.MaxSize}.");
}
