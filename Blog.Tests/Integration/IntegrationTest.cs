using Blog.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Tests.Integration;

/// <summary>
/// Each fixture gets the real service on a fresh database of its own, once on each provider (a fixture that only makes
/// sense on one says so with its own <c>[TestFixture(DatabaseProvider.…)]</c>); each test registers its own users.
/// </summary>
[TestFixtureSource(nameof(Providers))]
public abstract class IntegrationTest(DatabaseProvider provider)
{
    public static readonly DatabaseProvider[] Providers = [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    protected DatabaseProvider Provider => provider;

    protected BlogApiFactory Factory { get; private set; } = null!;

    protected BlogClient Client { get; private set; } = null!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    [OneTimeSetUp]
    public void StartService()
    {
        Factory = new BlogApiFactory(provider, Settings, ConfigureServices);
        Client = new BlogClient(Factory.CreateClient());
    }

    /// <summary>Replaces some of the service's own services for this fixture (a clock the test moves, a mocked hasher).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    [OneTimeTearDown]
    public void StopService()
    {
        Client?.Http.Dispose();
        Factory?.Dispose();
    }
}
