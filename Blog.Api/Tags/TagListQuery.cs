using Blog.Api.Hal;
using Blog.Domain.Paging;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Api.Tags;

/// <summary>The query string of <c>GET /tags</c>: paging alone, with a cursor of its own kind.</summary>
public sealed class TagListQuery
{
    /// <summary>Items per page, 1 to 100.</summary>
    [FromQuery(Name = "size")]
    public int Size { get; init; } = PageRequest.DefaultSize;

    /// <summary>Where the page starts: copy it from a <c>next</c> or <c>prev</c> link, never build it.</summary>
    [ModelBinder(typeof(SealedCursorBinder), Name = "cursor")]
    public SealedRankCursor? Cursor { get; init; }
}

public sealed class TagListQueryValidator : AbstractValidator<TagListQuery>
{
    public TagListQueryValidator() => RuleFor(query => query.Size).PageSize();
}
