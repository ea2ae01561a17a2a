using System.Collections.Concurrent;
using Blog.Infrastructure.Data;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Serilog.Core;
using Serilog.Events;

namespace Blog.Tests.Integration;

/// <summary>
/// A search whose client has gone stops inside the database: the request's token travels from the controller through
/// the service and the repository to the command, and cancelling it interrupts the running statement (SQLite:
/// <c>sqlite3_interrupt</c>, from the service's own interceptor; PostgreSQL: Npgsql's cancel request, and the server's
/// session is idle again).
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class AbandonedSearch(DatabaseProvider provider)
{
    /// <summary>Far longer than an interrupted statement takes to stop; without the interrupt it never stops at all.</summary>
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(30);

    [Test]
    public async Task StopsItsStatementWhenTheClientGoesAndLogsNoError()
    {
        var events = new ConcurrentQueue<LogEvent>();
        using var factory = new BlogApiFactory(provider);
        // Disposed before the factory, so that a statement left running (the test failed) cannot hold up its stop.
        using var endless = new EndlessSearch(provider);
        using var http = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            endless.AddTo(services);
            services.AddSingleton<ILogEventSink>(new CapturingSink(events));
        })).CreateClient();

        using var leaving = new CancellationTokenSource();
        var search = http.GetAsync("/posts?q=" + Uri.EscapeDataString(EndlessSearch.Text), leaving.Token);
        await endless.Started.WaitAsync(StopBound);
        // Let the statement get going inside SQLite, so that only an interrupt, not a check before it starts, can stop it.
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        await leaving.CancelAsync();

        Assert.That(async () => await endless.Ended.WaitAsync(StopBound), Throws.Nothing, "the statement still runs after its client left");
        Assert.That(async () => await search, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(endless.Running, Is.Zero);
        if (provider == DatabaseProvider.Postgres)
        {
            Assert.That(await ActiveEndlessStatementsAsync(factory.Database), Is.Zero, "the server still runs the statement");
        }

        var errors = events.Where(e => e.Level >= LogEventLevel.Error).Select(e => e.RenderMessage() + " " + e.Exception);
        Assert.That(errors, Is.Empty, "an abandoned request is not a failure of the service");
    }

    private static async Task<long> ActiveEndlessStatementsAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var active = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query = @statement", connection);
        active.Parameters.AddWithValue("statement", EndlessSearch.PostgresStatement);
        return (long)(await active.ExecuteScalarAsync())!;
    }

    private sealed class CapturingSink(ConcurrentQueue<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
    }
}
