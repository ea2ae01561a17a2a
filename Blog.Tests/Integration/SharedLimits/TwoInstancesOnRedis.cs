using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration.SharedLimits;

/// <summary>
/// Two instances of the service, as two processes behind a balancer would be: one database (on each provider), one
/// Redis (<c>Redis:Configuration</c>), and Redis keys under a prefix of the fixture's own, so that no fixture sees
/// another's counts.
/// </summary>
[TestFixtureSource(typeof(IntegrationTest), nameof(IntegrationTest.Providers))]
public abstract class TwoInstancesOnRedis(DatabaseProvider provider)
{
    protected BlogApiFactory First { get; private set; } = null!;

    protected BlogApiFactory Second { get; private set; } = null!;

    protected string KeyPrefix { get; } = $"test-{Guid.NewGuid():N}:";

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    [OneTimeSetUp]
    public void StartInstances()
    {
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["Redis:Configuration"] = TestServers.RedisConfiguration,
            ["Redis:KeyPrefix"] = KeyPrefix,
        };
        First = new BlogApiFactory(provider, settings);
        _ = First.Server;
        Second = First.OnTheSameDatabase(settings);
        _ = Second.Server;
    }

    [OneTimeTearDown]
    public void StopInstances()
    {
        Second?.Dispose();
        First?.Dispose();
    }

    /// <summary>The same client (one address) talking to each instance.</summary>
    protected (BlogClient First, BlogClient Second) ClientsFrom(string address) =>
        (First.CreateClientFrom(System.Net.IPAddress.Parse(address)), Second.CreateClientFrom(System.Net.IPAddress.Parse(address)));
}
