using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class Health(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task Returns200HealthyWhenTheDatabaseAnswers()
    {
        using var response = await Client.Http.GetAsync("/health");
        var body = await BlogClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task AnswersAnonymouslyEvenWithoutAUser()
    {
        using var response = await Client.SendAsync(HttpMethod.Get, "/health");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
