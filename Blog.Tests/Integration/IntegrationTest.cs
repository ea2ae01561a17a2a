using Microsoft.Extensions.DependencyInjection;

namespace Blog.Tests.Integration;

/// <summary>Each fixture gets the real service on a fresh SQLite file; each test registers its own users.</summary>
public abstract class IntegrationTest
{
    protected BlogApiFactory Factory { get; private set; } = null!;

    protected BlogClient Client { get; private set; } = null!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    [OneTimeSetUp]
    public void StartService()
    {
        Factory = new BlogApiFactory(Settings, ConfigureServices);
        Client = new BlogClient(Factory.CreateClient());
    }

    /// <summary>Replaces some of the service's own services for this fixture (a clock the test moves, a mocked hasher).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    [OneTimeTearDown]
    public void StopService()
    {
        Client.Http.Dispose();
        Factory.Dispose();
    }
}
