using Blog.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Blog.Tests.Integration;

/// <summary>
/// On PostgreSQL the pool does not reset a connection on its way back (the service sets no session state), unless the
/// connection string says otherwise.
/// </summary>
[TestFixture(DatabaseProvider.Postgres)]
public sealed class PostgresConnectionReuse(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public void DoesNotResetPooledConnections() => Assert.That(ServiceConnectionSettings(Factory).NoResetOnClose, Is.True);

    [Test]
    public async Task KeepsWhatTheConnectionStringSays()
    {
        var own = new NpgsqlConnectionStringBuilder(Factory.Database.ConnectionString) { NoResetOnClose = false };
        await using var service = Factory.OnTheSameDatabase(new Dictionary<string, string?> { ["ConnectionStrings:Blog"] = own.ConnectionString });

        var settings = ServiceConnectionSettings(service);

        Assert.That(settings.NoResetOnClose, Is.False);
    }

    [Test]
    public async Task AnswersWritesAndReadsAgainAndAgainOnConnectionsThatAreNotReset()
    {
        var author = await Client.RegisterAsync();

        // Each connection of the pool serves several requests, in and out of transactions.
        for (var round = 1; round <= 10; round++)
        {
            var post = await Client.CreatePostAsync(author, $"Again #{round}", "written and read again and again");
            var read = await Client.GetJsonAsync(post["_links"]!["self"]!["href"]!.GetValue<string>());
            Assert.That(read["title"]!.GetValue<string>(), Is.EqualTo($"Again #{round}"));
        }

        var page = await Client.GetJsonAsync($"/posts?author={author}");
        Assert.That(page["totalItems"]!.GetValue<int>(), Is.EqualTo(10));
    }

    private static NpgsqlConnectionStringBuilder ServiceConnectionSettings(BlogApiFactory service)
    {
        using var scope = service.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        return new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
    }
}
