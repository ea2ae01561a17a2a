using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Blog.Infrastructure.Data;

/// <summary>
/// Database time, named as OpenTelemetry's semantic conventions name it: <c>db.client.operation.duration</c>, a
/// histogram in seconds of every command, from its execution to the end of its rows, tagged with <c>db.system.name</c>
/// and, for a command that failed, <c>error.type</c>. EF Core's commands are timed by <see cref="DatabaseTimeInterceptor"/>;
/// a query read on a connection of its own times itself, so that every command counts whichever provider runs it.
/// </summary>
internal sealed class DatabaseMetrics
{
    public static readonly string Cancelled = typeof(OperationCanceledException).FullName!;

    // The conventions' boundaries start at 1 ms; a read by key here takes tens of microseconds, so finer ones first.
    private static readonly double[] BucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private static readonly KeyValuePair<string, object?> Sqlite = new("db.system.name", "sqlite");
    private static readonly KeyValuePair<string, object?> Postgresql = new("db.system.name", "postgresql");
    private static readonly KeyValuePair<string, object?> OtherSql = new("db.system.name", "other_sql");

    private readonly Histogram<double> duration;

    public DatabaseMetrics(IMeterFactory meters) =>
        duration = meters.Create(DatabaseTime.MeterName).CreateHistogram(
            "db.client.operation.duration",
            unit: "s",
            description: "Duration of database commands, from their execution to the end of their rows.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = BucketBoundaries });

    /// <param name="connection">The command's connection, which names the engine.</param>
    /// <param name="elapsed">How long the command took.</param>
    /// <param name="errorType">Why it failed (the exception's type), or null when it succeeded.</param>
    public void Record(DbConnection? connection, TimeSpan elapsed, string? errorType = null)
    {
        var system = System(connection);
        if (errorType is null)
        {
            duration.Record(elapsed.TotalSeconds, system);
        }
        else
        {
            duration.Record(elapsed.TotalSeconds, system, new KeyValuePair<string, object?>("error.type", errorType));
        }
    }

    /// <summary>The time since <paramref name="startTimestamp"/>, a <see cref="Stopwatch.GetTimestamp"/>.</summary>
    public void RecordSince(DbConnection? connection, long startTimestamp, Exception? failure = null) =>
        Record(connection, Stopwatch.GetElapsedTime(startTimestamp), failure?.GetType().FullName);

    private static KeyValuePair<string, object?> System(DbConnection? connection) => connection switch
    {
        SqliteConnection => Sqlite,
        NpgsqlConnection => Postgresql,
        _ => OtherSql,
    };
}
