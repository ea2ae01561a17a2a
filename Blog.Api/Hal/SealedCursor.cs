using Blog.Domain.Paging;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Blog.Api.Hal;

/// <summary>
/// A <c>cursor</c> query value: the text as the client sent it (echoed in the page's self link, so that link is
/// stable) and the position it seals, decoded once, while the query is bound. An empty value is no cursor.
/// </summary>
public sealed record SealedCursor(string Text, PageCursor Position);

/// <summary>A cursor this service did not issue is a binding error of the <c>cursor</c> member: a 400 like any other.</summary>
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
        if (value.FirstValue is { } text && cursors.TryDecode(text, out var position))
        {
            bindingContext.Result = ModelBindingResult.Success(new SealedCursor(text, position!));
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(
                bindingContext.ModelName, "This is not a cursor this service issued; follow a next or prev link instead.");
        }

        return Task.CompletedTask;
    }
}
