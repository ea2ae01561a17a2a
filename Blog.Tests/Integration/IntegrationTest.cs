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
        Factory = new BlogApiFactory(Settings);
        Client = new BlogClient(Factory.CreateClient());
    }

    [OneTimeTearDown]
    public void StopService()
    {
        Client.Http.Dispose();
        Factory.Dispose();
    }
}
