using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Blog.Infrastructure.Data;

/// <summary>
/// Database time, named as OpenTelemetry's semantic conventions name it: <c>db.client.operation.duration</c>, a
/// histogram in seconds of every command, from its execution to the end of its rows, tagged with <c>db.system.name</c>
/// and, for a command that failed, <c>error.type</c>. EF Core's commands are timed by <see cref="DatabaseTimeInterceptor"/>;
/// a query read on a connection of its own times itself, so that every command counts whichever provider runs it.
/// </summary>
internal sealed class DatabaseMetrics
{
    public const string MeterName = "Blog.Database";

    // The conventions' boundaries start at 1 ms; a read by key here takes tens of microseconds, so finer ones first.
    private static readonly double[] BucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Histogram<double> duration;
    private readonly KeyValuePair<string, object?> system;

    /// <param name="meters">The host's meter factory.</param>
    /// <param name="systemName">The conventions' name of the engine: <c>sqlite</c>, <c>postgresql</c>.</param>
    public DatabaseMetrics(IMeterFactory meters, string systemName)
    {
        duration = meters.Create(MeterName).CreateHistogram(
            "db.client.operation.duration",
            unit: "s",
            description: "Duration of database commands, from their execution to the end of their rows.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = BucketBoundaries });
        system = new KeyValuePair<string, object?>("db.system.name", systemName);
    }

    public static readonly string Cancelled = typeof(OperationCanceledException).FullName!;

    /// <param name="elapsed">How long the command took.</param>
    /// <param name="errorType">Why it failed (the exception's type), or null when it succeeded.</param>
    public void Record(TimeSpan elapsed, string? errorType = null)
    {
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
    public void RecordSince(long startTimestamp, Exception? failure = null) =>
        Record(Stopwatch.GetElapsedTime(startTimestamp), failure?.GetType().FullName);
}
