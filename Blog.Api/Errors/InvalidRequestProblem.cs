using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Blog.Api.Errors;

/// <summary>
/// MVC's one answer to invalid model state: binding errors (malformed JSON, a body that is not an object, a query
/// value of the wrong type) and the failures of the FluentValidation validators that FluentValidation.AspNetCore runs
/// during model validation alike become one 400 problem, whose <c>errors</c> are keyed by the request's own camelCase names.
/// </summary>
public static partial class InvalidRequestProblem
{
    public static IActionResult Create(ActionContext context)
    {
        var unreadable = context.ModelState.Any(entry => IsJsonPath(entry.Key) || entry.Value!.Errors.Any(error => error.Exception is not null));
        return new ProblemResult(new HttpValidationProblemDetails(Errors(context.ModelState))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = unreadable ? "The request could not be read." : "One or more fields are invalid.",
            Detail = "See the errors member for what to fix.",
        });
    }

    /// <summary>JSON paths such as <c>$.title</c> and member names such as <c>Title</c> become <c>title</c>; an error in the whole body is keyed <c>$</c>.</summary>
    private static Dictionary<string, string[]> Errors(ModelStateDictionary modelState) => modelState
        .Where(entry => entry.Value is { Errors.Count: > 0 })
        .GroupBy(entry => FieldName(entry.Key))
        .ToDictionary(
            group => group.Key,
            group => group.SelectMany(entry => entry.Value!.Errors).Select(Message).Distinct().ToArray());

    private static bool IsJsonPath(string key) => key.StartsWith('$');

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
