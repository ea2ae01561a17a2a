using Microsoft.Win32.SafeHandles;

namespace Blog.Infrastructure.Sqlite;

/// <summary>
/// Group commit for SQLite's write-ahead log: callers whose commits are written (but not yet synced) wait for one fsync
/// that starts after they asked, so any number of commits made while an fsync runs share the next one.
/// </summary>
/// <remarks>
/// fsync flushes the file, not the descriptor, so a descriptor of our own reaches the frames SQLite wrote through its
/// own. The file is opened for each fsync: SQLite deletes the WAL when its last connection closes (after a checkpoint
/// that synced the database file), and a descriptor kept open would then sync a deleted file.
/// </remarks>
internal sealed class WalFlush(string walPath)
{
    private readonly Lock sync = new();
    private TaskCompletionSource? waiting;   // the callers of the fsync that has not started yet
    private bool running;

    public Task AfterNextAsync()
    {
        lock (sync)
        {
            waiting ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var next = waiting.Task;
            if (!running)
            {
                running = true;
                _ = Task.Run(FlushWhileAsked);
            }

            return next;
        }
    }

    private void FlushWhileAsked()
    {
        while (true)
        {
            TaskCompletionSource callers;
            lock (sync)
            {
                if (waiting is null)
                {
                    running = false;
                    return;
                }

                callers = waiting;
                waiting = null;
            }

            try
            {
                Fsync();
                callers.SetResult();
            }
            catch (Exception exception)
            {
                callers.SetException(exception);
            }
        }
    }

    private void Fsync()
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(walPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException)
        {
            // No WAL: every commit has been checkpointed into the database file, and that was synced.
            return;
        }

        using (handle)
        using (var file = new FileStream(handle, FileAccess.ReadWrite, bufferSize: 0))
        {
            file.Flush(flushToDisk: true);
        }
    }
}
