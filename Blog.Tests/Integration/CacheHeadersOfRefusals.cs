using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary>A 429 is about one client's budget: stored by a shared cache, it would refuse everyone behind it.</summary>
public sealed class CacheHeadersOfRefusals(DatabaseProvider provider) : IntegrationTest(provider)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:Reads:Burst"] = "1",
        ["RateLimiting:Reads:PermitsPerSecond"] = "1",
        ["RateLimiting:Writes:PermitLimit"] = "1",
    };

    [Test]
    public async Task AnAnonymousReadOverItsBudgetIsNeverStored()
    {
        var reader = Factory.CreateClientFrom(IPAddress.Parse("198.51.100.40"));

        using var first = await reader.SendAsync(HttpMethod.Get, "/");
        using var second = await reader.SendAsync(HttpMethod.Get, "/");

        await BlogClient.AssertProblemAsync(second, HttpStatusCode.TooManyRequests);
        CacheHeaders.AssertNeverStored(second, credentials: false);
    }

    [Test]
    public async Task AWriteOverItsBudgetIsNeverStored()
    {
        var writer = Factory.CreateClientFrom(IPAddress.Parse("198.51.100.41"));

        using var first = await writer.PostJsonAsync("/users", new { username = BlogClient.UniqueName(), password = BlogClient.Password });
        using var second = await writer.PostJsonAsync("/users", new { username = BlogClient.UniqueName(), password = BlogClient.Password });

        await BlogClient.AssertProblemAsync(second, HttpStatusCode.TooManyRequests);
        CacheHeaders.AssertNeverStored(second, credentials: false);
    }
}
