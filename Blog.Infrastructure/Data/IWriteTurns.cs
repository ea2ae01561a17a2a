namespace Blog.Infrastructure.Data;

/// <summary>
/// Where every write to the database starts: <c>await using var turn = await writeTurns.TakeAsync(cancellationToken);</c>
/// before the write's transaction or statement. Disposing the turn ends it, and returns only once what it committed is
/// durable, so a write is acknowledged after that and never before. Turns do not nest: a write never takes a second one.
/// </summary>
public interface IWriteTurns
{
    ValueTask<IAsyncDisposable> TakeAsync(CancellationToken cancellationToken);
}

/// <summary>A database that runs writes side by side (PostgreSQL) and makes each commit durable itself: no turns.</summary>
internal sealed class SideBySideWrites : IWriteTurns
{
    private static readonly IAsyncDisposable NoTurn = new Nothing();

    public ValueTask<IAsyncDisposable> TakeAsync(CancellationToken cancellationToken) => ValueTask.FromResult(NoTurn);

    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
