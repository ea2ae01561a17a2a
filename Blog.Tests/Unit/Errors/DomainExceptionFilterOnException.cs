using Blog.Api.Errors;
using Blog.Domain.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;

namespace Blog.Tests.Unit.Errors;

public sealed class DomainExceptionFilterOnException
{
    private DomainExceptionFilter filter = null!;

    public static IEnumerable<TestCaseData> DomainErrors()
    {
        yield return new TestCaseData(new NotFoundException("There is no post 1."), 404, "Not Found").SetName("{m}(NotFound)");
        yield return new TestCaseData(new ForbiddenException("Only the author."), 403, "Forbidden").SetName("{m}(Forbidden)");
        yield return new TestCaseData(new ConflictException("Taken."), 409, "Conflict").SetName("{m}(Conflict)");
        yield return new TestCaseData(new PreconditionFailedException("Stale."), 412, "Precondition Failed").SetName("{m}(PreconditionFailed)");
        yield return new TestCaseData(ValidationException.For("title", "A title is required."), 400, "One or more validation errors occurred.")
            .SetName("{m}(Validation)");
    }

    [SetUp]
    public void SetUp() => filter = new DomainExceptionFilter();

    [TestCaseSource(nameof(DomainErrors))]
    public void AnswersAProblemWithTheStatusOfEachDomainError(DomainException error, int status, string title)
    {
        var context = ContextFor(error);

        filter.OnException(context);

        Assert.That(context.Result, Is.TypeOf<ProblemResult>());
        var problem = ((ProblemResult)context.Result!).Problem;
        Assert.Multiple(() =>
        {
            Assert.That(context.ExceptionHandled, Is.True);
            Assert.That(problem.Status, Is.EqualTo(status));
            Assert.That(problem.Title, Is.EqualTo(title));
            Assert.That(problem.Detail, Is.EqualTo(error.Message));
        });
    }

    [Test]
    public void KeepsTheFieldErrorsOfAValidationError()
    {
        var context = ContextFor(ValidationException.For("title", "A title is required."));

        filter.OnException(context);

        var problem = ((ProblemResult)context.Result!).Problem;
        Assert.That(problem, Is.TypeOf<HttpValidationProblemDetails>());
        Assert.That(((HttpValidationProblemDetails)problem).Errors, Is.EquivalentTo(new Dictionary<string, string[]>
        {
            ["title"] = ["A title is required."],
        }));
    }

    [Test]
    public void LeavesAnyOtherExceptionUnhandled()
    {
        var context = ContextFor(new InvalidOperationException("SELECT * FROM Posts failed"));

        filter.OnException(context);

        Assert.Multiple(() =>
        {
            Assert.That(context.ExceptionHandled, Is.False);
            Assert.That(context.Result, Is.Null);
        });
    }

    private static ExceptionContext ContextFor(Exception exception) =>
        new(new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor()), [])
        {
            Exception = exception,
        };
}
