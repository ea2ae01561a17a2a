using System.Net;
using Blog.Infrastructure.Data;
using Npgsql;

namespace Blog.Tests.Integration;

/// <summary>
/// On PostgreSQL the service does not make writes take turns: while one author's create waits on a lock in the
/// database, another author's create is answered. (On SQLite a write waits for the one writer; that is SQLite's.)
/// </summary>
[TestFixture(DatabaseProvider.Postgres)]
public sealed class PostgresWritesSideBySide(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task AnotherAuthorsCreateIsAnsweredWhileOneCreateWaitsOnALock()
    {
        var blocked = await Client.RegisterAsync();
        var free = await Client.RegisterAsync();

        // A row lock on the first author: a create of theirs checks its foreign key against that row, and waits.
        await using var holder = new NpgsqlConnection(Factory.Database.ConnectionString);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var lockAuthor = new NpgsqlCommand("""SELECT 1 FROM "Users" WHERE "NormalizedUsername" = upper(@name) FOR UPDATE""", holder, transaction))
        {
            lockAuthor.Parameters.AddWithValue("name", blocked);
            Assert.That(await lockAuthor.ExecuteScalarAsync(), Is.EqualTo(1));
        }

        var waiting = Client.CreatePostResponseAsync(blocked, "Waits", "for the lock");
        await WaitUntilACreateWaitsOnALockAsync();

        using var answered = await Client.CreatePostResponseAsync(free, "Goes ahead", "while the other waits");
        var stillWaiting = !waiting.IsCompleted;
        await transaction.CommitAsync();
        using var released = await waiting;

        Assert.That(answered.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(stillWaiting, Is.True, "the first create was still waiting when the second was answered");
        Assert.That(released.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    /// <summary>Polls PostgreSQL's own view of its sessions until a statement of the service waits on a lock.</summary>
    private async Task WaitUntilACreateWaitsOnALockAsync()
    {
        await using var observer = new NpgsqlConnection(Factory.Database.ConnectionString);
        await observer.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", observer);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if ((long)(await waiting.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("No create of the service came to wait on the locked author within 10 s.");
    }
}
