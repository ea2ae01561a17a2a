using System.Net;

namespace Blog.Tests.Integration;

public sealed class Health : IntegrationTest
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
