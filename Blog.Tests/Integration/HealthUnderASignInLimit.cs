using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary>GET /health is anonymous and never limited: credentials sent to it are neither checked nor counted.</summary>
public sealed class HealthUnderASignInLimit(DatabaseProvider provider) : IntegrationTest(provider)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:FailedSignIns:PermitLimit"] = "2",
        ["RateLimiting:FailedSignIns:WindowSeconds"] = "300",
    };

    [Test]
    public async Task IgnoresWrongCredentialsAndNeverCountsThemAsFailedSignIns()
    {
        var user = await Client.RegisterAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var health = await Client.SendAsync(HttpMethod.Get, "/health", configure: r => r.Headers.Authorization = BlogClient.Basic(user, $"wrong {i}"));
            statuses.Add(health.StatusCode);
        }

        using var me = await Client.SendAsync(HttpMethod.Get, "/me", user);

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the right password still signs in");
    }
}
