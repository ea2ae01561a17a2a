using Blog.Domain.Paging;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Blog.Api.Hal;

/// <summary>
/// A <c>cursor</c> query value: the text as the client sent it (echoed in the page's self link, so that link is
/// stable) and the position it seals, decoded once, while the query is bound. An empty value is no cursor.
/// </summary>
public sealed record SealedCursor(string Text, PageCursor Position);

/// <summary>A <c>cursor</c> of a list ordered by rank, then name (the tags): as <see cref="SealedCursor"/>, for a <see cref="RankCursor"/>.</summary>
public sealed record SealedRankCursor(string Text, RankCursor Position);

/// <summary>
/// A cursor this service did not issue is a binding error of the <c>cursor</c> member: a 400 like any other. The
/// member's type says which kind of position the list expects, so a cursor of another list is refused too.
/// </summary>
public sealed class SealedCursorBinder(CursorCodec cursors) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (string.IsNullOrEmpty(value.FirstValue))
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        if (value.FirstValue is { } text && Decode(bindingContext.ModelType, text) is { } cursor)
        {
            bindingContext.Result = ModelBindingResult.Success(cursor);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(
                bindingContext.ModelName, "This is not a cursor this service issued for this list; follow a next or prev link instead.");
        }

        return Task.CompletedTask;
    }

    private object? Decode(Type modelType, string text) =>
        modelType == typeof(SealedRankCursor)
            ? cursors.TryDecodeRanked(text, out var ranked) ? new SealedRankCursor(text, ranked!) : null
            : cursors.TryDecode(text, out var dated) ? new SealedCursor(text, dated!) : null;
}
