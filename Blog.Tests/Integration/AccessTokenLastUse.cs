using System.Text.Json.Nodes;
using Blog.Tests.Unit;
using Microsoft.Extensions.DependencyInjection;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary><c>lastUsedDate</c> is written at most once a minute, on a service whose clock the test moves.</summary>
public sealed class AccessTokenLastUse(DatabaseProvider provider) : IntegrationTest(provider)
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);

    [Test]
    public async Task IsTheFirstUseThenMovesOnlyOnceAMinuteHasPassed()
    {
        var user = await Client.RegisterAsync();
        var token = await Client.CreateTokenAsync(user, "read");
        var secret = token["token"]!.GetValue<string>();
        var firstUse = clock.Now = clock.Now.AddSeconds(5);

        var afterFirst = await UseThenReadLastUsedAsync(user, token, secret);
        clock.Now = firstUse.AddSeconds(59);
        var withinTheMinute = await UseThenReadLastUsedAsync(user, token, secret);
        clock.Now = firstUse.AddSeconds(61);
        var afterTheMinute = await UseThenReadLastUsedAsync(user, token, secret);

        Assert.Multiple(() =>
        {
            Assert.That(token["lastUsedDate"], Is.Null);
            Assert.That(afterFirst, Is.EqualTo(firstUse.UtcDateTime).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(withinTheMinute, Is.EqualTo(afterFirst));
            Assert.That(afterTheMinute, Is.EqualTo(firstUse.AddSeconds(61).UtcDateTime).Within(TimeSpan.FromMilliseconds(1)));
        });
    }

    private async Task<DateTime?> UseThenReadLastUsedAsync(string user, JsonNode token, string secret)
    {
        using var used = await Client.SendAsync(HttpMethod.Get, await Client.RootLinkAsync("posts"), configure: BlogClient.Bearer(secret));
        Assert.That(used.IsSuccessStatusCode, Is.True);
        using var read = await Client.SendAsync(HttpMethod.Get, BlogClient.Href(token, "self"), user);
        return (await BlogClient.ReadJsonAsync(read))["lastUsedDate"]?.GetValue<DateTime>();
    }
}
