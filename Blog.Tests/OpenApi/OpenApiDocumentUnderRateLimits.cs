using System.Net;
using Blog.Tests.Integration;

namespace Blog.Tests.OpenApi;

/// <summary>The 429 answers, on a service with tiny limits: too many writes, and too many failed sign-ins.</summary>
public sealed class OpenApiDocumentUnderRateLimits : IntegrationTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:Writes:PermitLimit"] = "2",
        ["RateLimiting:Writes:WindowSeconds"] = "300",
        ["RateLimiting:FailedSignIns:PermitLimit"] = "2",
        ["RateLimiting:FailedSignIns:WindowSeconds"] = "300",
    };

    [Test]
    public async Task DescribesTheTooManyRequestsAnswers()
    {
        var check = new ResponseConformance(await OpenApiSpec.LoadAsync(Client.Http));
        var user = await Client.RegisterAsync();

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await Client.CreatePostResponseAsync(user);
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        await check.CheckAsync(await Client.CreatePostResponseAsync(user), HttpStatusCode.TooManyRequests);

        for (var i = 0; i < 2; i++)
        {
            using var guess = await Client.SendAsync(HttpMethod.Get, "/me", configure: r => r.Headers.Authorization = BlogClient.Basic(user, $"guess {i}"));
            Assert.That(guess.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        await check.CheckAsync(await Client.SendAsync(HttpMethod.Get, "/me", user), HttpStatusCode.TooManyRequests);

        await OpenApiDocument.ReportAsync(check);
        Assert.That(check.Failures, Is.Empty, "where the document and the service disagree");
    }
}
