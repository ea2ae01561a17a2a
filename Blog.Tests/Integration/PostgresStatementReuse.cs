using Blog.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Blog.Tests.Integration;

/// <summary>
/// On PostgreSQL a statement the service runs again is prepared on its pooled connection and kept there (the pool
/// does not reset connections, which would drop them), unless the connection string says otherwise.
/// </summary>
[TestFixture(DatabaseProvider.Postgres)]
public sealed class PostgresStatementReuse(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public void PreparesRepeatedStatementsAndKeepsThemAcrossRequests()
    {
        var settings = ServiceConnectionSettings(Factory);

        Assert.That(settings.MaxAutoPrepare, Is.GreaterThan(0));
        Assert.That(settings.AutoPrepareMinUsages, Is.EqualTo(2));
        Assert.That(settings.NoResetOnClose, Is.True);
    }

    [Test]
    public async Task KeepsWhatTheConnectionStringSays()
    {
        var own = new NpgsqlConnectionStringBuilder(Factory.Database.ConnectionString) { MaxAutoPrepare = 0, NoResetOnClose = false };
        await using var service = Factory.OnTheSameDatabase(new Dictionary<string, string?> { ["ConnectionStrings:Blog"] = own.ConnectionString });

        var settings = ServiceConnectionSettings(service);

        Assert.That(settings.MaxAutoPrepare, Is.Zero);
        Assert.That(settings.NoResetOnClose, Is.False);
    }

    [Test]
    public async Task AnswersTheSameWritesAndReadsAgainAndAgainOnPreparedStatements()
    {
        var author = await Client.RegisterAsync();

        // Each statement runs more often than it takes to be prepared on a connection, in and out of transactions.
        for (var round = 1; round <= 10; round++)
        {
            var post = await Client.CreatePostAsync(author, $"Prepared #{round}", "written and read again and again");
            var read = await Client.GetJsonAsync(post["_links"]!["self"]!["href"]!.GetValue<string>());
            Assert.That(read["title"]!.GetValue<string>(), Is.EqualTo($"Prepared #{round}"));
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
