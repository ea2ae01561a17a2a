using Blog.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Tests.Integration;

// SQLite only: WAL and synchronous=FULL are what the service sets up on its own file.
[TestFixture(DatabaseProvider.Sqlite)]
public sealed class Durability(DatabaseProvider provider) : IntegrationTest(provider)
{
    [TestCase("PRAGMA journal_mode;", "wal")]
    [TestCase("PRAGMA synchronous;", "2")]
    public async Task TheServicesConnectionsUseWalAndFullSync(string pragma, string expected)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = pragma;

        Assert.That(Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expected));
    }
}
