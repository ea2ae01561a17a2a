using System.Net;
using Blog.Tests.OpenApi;
using Microsoft.Data.Sqlite;

namespace Blog.Tests.Integration;

public sealed class HealthWithABrokenDatabase : IntegrationTest
{
    [Test]
    public async Task Returns503UnhealthyWhenTheDatabaseFails()
    {
        var check = new ResponseConformance(await OpenApiSpec.LoadAsync(Client.Http));
        using (var connection = new SqliteConnection($"Data Source={Factory.DatabasePath}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA foreign_keys = OFF; DROP TABLE Posts;";
            command.ExecuteNonQuery();
        }

        using var response = await Client.Http.GetAsync("/health");
        var body = await BlogClient.ReadJsonAsync(response);

        await check.CheckAsync(response, HttpStatusCode.ServiceUnavailable);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("Unhealthy"));
        Assert.That(check.Failures, Is.Empty, "the 503 is the one the OpenAPI document describes");
    }
}
