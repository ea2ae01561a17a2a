using System.Net;
using Blog.Tests.OpenApi;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class HealthWithABrokenDatabase(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task Returns503UnhealthyWhenTheDatabaseFails()
    {
        var check = new ResponseConformance(await OpenApiSpec.LoadAsync(Client.Http));
        await Factory.Database.ExecuteAsync(Provider == DatabaseProvider.Sqlite
            ? "PRAGMA foreign_keys = OFF; DROP TABLE Posts;"
            : "DROP TABLE \"Posts\" CASCADE;");

        using var response = await Client.Http.GetAsync("/health");
        var body = await BlogClient.ReadJsonAsync(response);

        await check.CheckAsync(response, HttpStatusCode.ServiceUnavailable);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("Unhealthy"));
        Assert.That(check.Failures, Is.Empty, "the 503 is the one the OpenAPI document describes");
    }
}
