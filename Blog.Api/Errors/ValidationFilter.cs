using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Blog.Api.Errors;

/// <summary>
/// The single validation path: binding errors (malformed JSON, a body that is not an object, a query value of
/// the wrong type) and then each argument's FluentValidation validator, answered as one 400 problem whose
/// <c>errors</c> are keyed by the request's own camelCase names.
/// </summary>
public sealed partial class ValidationFilter : IAsyncActionFilter
{
    private static readonly ConcurrentDictionary<Type, Type> ValidatorTypes = new();

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (!context.ModelState.IsValid)
        {
            context.Result = Problem(FromModelState(context.ModelState), "The request could not be read.");
            return;
        }

        var errors = new Dictionary<string, string[]>();
        foreach (var argument in context.ActionArguments.Values)
        {
            if (argument is null)
            {
                continue;
            }

            var validatorType = ValidatorTypes.GetOrAdd(argument.GetType(), type => typeof(IValidator<>).MakeGenericType(type));
            if (context.HttpContext.RequestServices.GetService(validatorType) is not IValidator validator)
            {
                continue;
            }

            var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            foreach (var group in result.Errors.GroupBy(failure => JsonNamingPolicy.CamelCase.ConvertName(failure.PropertyName)))
            {
                errors[group.Key] = group.Select(failure => failure.ErrorMessage).Distinct().ToArray();
            }
        }

        if (errors.Count > 0)
        {
            context.Result = Problem(errors, "One or more fields are invalid.");
            return;
        }

        await next();
    }

    private static ProblemResult Problem(Dictionary<string, string[]> errors, string title) =>
        new(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = title,
            Detail = "See the errors member for what to fix.",
        });

    /// <summary>JSON paths such as <c>$.title</c> become <c>title</c>; an error in the whole body is keyed <c>$</c>.</summary>
    private static Dictionary<string, string[]> FromModelState(ModelStateDictionary modelState) => modelState
        .Where(entry => entry.Value is { Errors.Count: > 0 })
        .GroupBy(entry => FieldName(entry.Key))
        .ToDictionary(
            group => group.Key,
            group => group.SelectMany(entry => entry.Value!.Errors).Select(Message).Distinct().ToArray());

    private static string FieldName(string key)
    {
        var name = key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key;
        return name is "" or "$" ? "$" : JsonNamingPolicy.CamelCase.ConvertName(name);
    }

    /// <summary>System.Text.Json names .NET types in its messages; the client needs only the JSON side.</summary>
    private static string Message(ModelError error) => string.IsNullOrEmpty(error.ErrorMessage)
        ? "The value is not valid."
        : DotNetTypeName().Replace(error.ErrorMessage, "could not be read: it has the wrong JSON type");

    [GeneratedRegex(@"could not be converted to [\w.`\[\], ]+?(?=\. Path:|$)")]
    private static partial Regex DotNetTypeName();
}
