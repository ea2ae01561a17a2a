using Blog.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Tests.Integration;

public sealed class Durability : IntegrationTest
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
