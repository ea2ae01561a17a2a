using Blog.Api.Errors;
using Blog.Api.Posts;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Tests.Unit.Errors;

public sealed class ValidationFilterOnActionExecution
{
    private ServiceProvider services = null!;
    private ValidationFilter filter = null!;
    private bool actionRan;

    [SetUp]
    public void SetUp()
    {
        services = new ServiceCollection().AddSingleton<IValidator<PostRequest>, PostRequestValidator>().BuildServiceProvider();
        filter = new ValidationFilter();
        actionRan = false;
    }

    [TearDown]
    public void TearDown() => services.Dispose();

    [Test]
    public async Task RunsTheActionGivenAValidArgument()
    {
        var context = ContextWith(new PostRequest("Title", "Body"));

        await filter.OnActionExecutionAsync(context, () => Next(context));

        Assert.Multiple(() =>
        {
            Assert.That(actionRan, Is.True);
            Assert.That(context.Result, Is.Null);
        });
    }

    [Test]
    public async Task AnswersA400KeyedByCamelCaseNamesGivenAnInvalidArgument()
    {
        var context = ContextWith(new PostRequest(null, " "));

        await filter.OnActionExecutionAsync(context, () => Next(context));

        Assert.That(actionRan, Is.False);
        var problem = (HttpValidationProblemDetails)((ProblemResult)context.Result!).Problem;
        Assert.Multiple(() =>
        {
            Assert.That(problem.Status, Is.EqualTo(StatusCodes.Status400BadRequest));
            Assert.That(problem.Errors.Keys, Is.EquivalentTo(new[] { "title", "body" }));
            Assert.That(problem.Errors["title"], Is.EqualTo(new[] { "A title is required." }));
        });
    }

    [Test]
    public async Task AnswersA400NamingTheJsonMemberGivenABindingError()
    {
        var context = ContextWith(new PostRequest("Title", "Body"));
        context.ModelState.AddModelError("$.title", "The JSON value could not be converted to System.String. Path: $.title");

        await filter.OnActionExecutionAsync(context, () => Next(context));

        Assert.That(actionRan, Is.False);
        var problem = (HttpValidationProblemDetails)((ProblemResult)context.Result!).Problem;
        Assert.That(problem.Errors["title"], Is.EqualTo(new[] { "The JSON value could not be read: it has the wrong JSON type. Path: $.title" }));
    }

    private ActionExecutingContext ContextWith(object argument) => new(
        new ActionContext(new DefaultHttpContext { RequestServices = services }, new RouteData(), new ActionDescriptor()),
        [],
        new Dictionary<string, object?> { ["request"] = argument },
        controller: new object());

    private Task<ActionExecutedContext> Next(ActionExecutingContext context)
    {
        actionRan = true;
        return Task.FromResult(new ActionExecutedContext(context, [], context.Controller));
    }
}
