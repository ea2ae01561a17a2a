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
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    /// <summary>Called once the validator has passed, so a cursor that is present decodes.</summary>
    public PageRequest ToPageRequest(CursorCodec cursors)
    {
        cursors.TryDecode(Cursor, out var cursor);
        return new PageRequest(Size, cursor);
    }
}

public sealed class PageQueryValidator : AbstractValidator<PageQuery>
{
    public PageQueryValidator(CursorCodec cursors)
    {
        RuleFor(query => query.Size).InclusiveBetween(1, PageRequest.MaxSize)
            .WithMessage($"The page size must be between 1 and {PageRequest.MaxSize}.");
        RuleFor(query => query.Cursor).Must(cursor => cursor is null || cursors.TryDecode(cursor, out _))
            .WithMessage("This is not a cursor this service issued; follow a next or prev link instead.");
    }
}
