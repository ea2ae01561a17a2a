using System.Net;
using Blog.Tests.Unit;
using Microsoft.Extensions.DependencyInjection;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary>A token's expiry, on a service whose clock the test moves.</summary>
public sealed class ExpiredAccessToken(DatabaseProvider provider) : IntegrationTest(provider)
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);

    [Test]
    public async Task WorksUntilItExpiresThenIs401WithBothChallengesAndStaysListed()
    {
        var user = await Client.RegisterAsync();
        using var created = await Client.CreateTokenResponseAsync(user, ["read"], expiresInDays: 1);
        var token = await BlogClient.ReadJsonAsync(created);
        var secret = token["token"]!.GetValue<string>();
        var me = await Client.RootLinkAsync("me");

        clock.Now += TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1);
        using var justBefore = await Client.SendAsync(HttpMethod.Get, me, configure: BlogClient.Bearer(secret));
        clock.Now += TimeSpan.FromSeconds(1);
        using var expired = await Client.SendAsync(HttpMethod.Get, me, configure: BlogClient.Bearer(secret));
        using var stillListed = await Client.SendAsync(HttpMethod.Get, BlogClient.Href(token, "self"), user);

        Assert.That(justBefore.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await BlogClient.AssertProblemAsync(expired, HttpStatusCode.Unauthorized);
        Assert.That(BlogClient.Challenges(expired), Is.EqualTo(new[] { BlogClient.BasicChallenge, BlogClient.InvalidTokenChallenge }));
        Assert.That(stillListed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
