using Blog.Api.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace Blog.Tests.Unit.Errors;

public sealed class InvalidRequestProblemCreate
{
    [Test]
    public void KeysValidatorFailuresByCamelCaseNames()
    {
        var context = NewContext();
        context.ModelState.AddModelError("Title", "A title is required.");
        context.ModelState.AddModelError("Body", "The body must not be blank.");

        var problem = ProblemOf(InvalidRequestProblem.Create(context));

        Assert.Multiple(() =>
        {
            Assert.That(problem.Status, Is.EqualTo(StatusCodes.Status400BadRequest));
            Assert.That(problem.Title, Is.EqualTo("One or more fields are invalid."));
            Assert.That(problem.Errors.Keys, Is.EquivalentTo(new[] { "title", "body" }));
            Assert.That(problem.Errors["title"], Is.EqualTo(new[] { "A title is required." }));
        });
    }

    [Test]
    public void NamesTheJsonMemberWithoutDotNetTypesGivenABindingError()
    {
        var context = NewContext();
        context.ModelState.AddModelError("$.title", "The JSON value could not be converted to System.String. Path: $.title");

        var problem = ProblemOf(InvalidRequestProblem.Create(context));

        Assert.Multiple(() =>
        {
            Assert.That(problem.Title, Is.EqualTo("The request could not be read."));
            Assert.That(problem.Errors["title"], Is.EqualTo(new[] { "The JSON value could not be read: it has the wrong JSON type. Path: $.title" }));
        });
    }

    [Test]
    public void KeysAnErrorInTheWholeBodyAsDollar()
    {
        var context = NewContext();
        context.ModelState.AddModelError("$", "The JSON value could not be converted to Blog.Api.Posts.PostRequest. Path: $");

        var problem = ProblemOf(InvalidRequestProblem.Create(context));

        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { "$" }));
    }

    private static ActionContext NewContext() => new(new DefaultHttpContext(), new RouteData(), new ActionDescriptor());

    private static HttpValidationProblemDetails ProblemOf(IActionResult result) =>
        (HttpValidationProblemDetails)((ProblemResult)result).Problem;
}
