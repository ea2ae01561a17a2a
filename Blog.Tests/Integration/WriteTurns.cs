using System.Globalization;
using System.Net;
using Blog.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Tests.Integration;

/// <summary>
/// SQLite's one writer: the service's writes queue for it in the process (IWriteTurns) instead of meeting SQLite's
/// sleeping busy handler, and a turn's connection goes back to the pool as durable as it came.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
public sealed class WriteTurns(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task ASecondWriterWaitsUntilTheFirstTurnEnds()
    {
        await using var first = Factory.Services.CreateAsyncScope();
        await using var second = Factory.Services.CreateAsyncScope();
        var firstTurn = await Turns(first).TakeAsync(CancellationToken.None);

        var secondTurn = Turns(second).TakeAsync(CancellationToken.None).AsTask();
        var waited = await Task.WhenAny(secondTurn, Task.Delay(TimeSpan.FromMilliseconds(300)));
        Assert.That(waited, Is.Not.SameAs(secondTurn), "the second writer got a turn while the first still had it");

        await firstTurn.DisposeAsync();
        await (await secondTurn.WaitAsync(Patience)).DisposeAsync();
    }

    [Test]
    public async Task AWriteThatFailsInItsTurnLetsTheNextWriterIn()
    {
        await using (var failing = Factory.Services.CreateAsyncScope())
        {
            Assert.ThrowsAsync<SqliteException>(async () =>
            {
                await using var turn = await Turns(failing).TakeAsync(CancellationToken.None);
                var db = failing.ServiceProvider.GetRequiredService<BlogDbContext>();
                await db.Database.ExecuteSqlRawAsync("INSERT INTO NoSuchTable VALUES (1)");
            });
        }

        await using var next = Factory.Services.CreateAsyncScope();
        await (await Turns(next).TakeAsync(CancellationToken.None).AsTask().WaitAsync(Patience)).DisposeAsync();
    }

    [Test]
    public async Task ATurnGivesItsConnectionBackWithFullSync()
    {
        // One idle connection in the pool afterwards: the one the turn had.
        SqliteConnection.ClearAllPools();
        await using (var writing = Factory.Services.CreateAsyncScope())
        {
            await using var turn = await Turns(writing).TakeAsync(CancellationToken.None);
        }

        await using var reading = Factory.Services.CreateAsyncScope();
        var db = reading.ServiceProvider.GetRequiredService<BlogDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        Assert.That(Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture), Is.EqualTo("2"));
    }

    /// <summary>
    /// A write transaction takes SQLite's write lock when it begins (BEGIN IMMEDIATE), not at its first write, where a
    /// deferred one that has read could only fail against another process's writer, never wait for it.
    /// </summary>
    [Test]
    public async Task AWriteTransactionHoldsTheWriteLockFromItsStart()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await using var turn = await Turns(scope).TakeAsync(CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();

        await using var other = new SqliteConnection(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { DefaultTimeout = 1 }.ToString());
        await other.OpenAsync();
        await using var begin = other.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        var refused = Assert.ThrowsAsync<SqliteException>(() => begin.ExecuteNonQueryAsync());
        Assert.That(refused.SqliteErrorCode, Is.EqualTo(SQLitePCL.raw.SQLITE_BUSY));
    }

    [Test]
    public async Task ConcurrentCreatesAreEachAnsweredAndStored()
    {
        var author = await Client.RegisterAsync();
        const int creates = 48;

        var responses = await Task.WhenAll(Enumerable.Range(0, creates)
            .Select(i => Client.CreatePostResponseAsync(author, title: $"Queued #{i}")));

        Assert.That(responses.Select(response => response.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
        var listed = await Client.GetJsonAsync($"/posts?author={author}");
        Assert.That((int)listed["totalItems"]!, Is.EqualTo(creates));
        var user = await Client.GetJsonAsync($"/users/{author}");
        Assert.That((int)user["postCount"]!, Is.EqualTo(creates));
    }

    private static IWriteTurns Turns(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<IWriteTurns>();
}
