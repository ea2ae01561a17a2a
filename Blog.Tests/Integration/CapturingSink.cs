using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Blog.Tests.Integration;

/// <summary>Keeps every log event the service writes, registered as one of its sinks.</summary>
public sealed class CapturingSink(ConcurrentQueue<LogEvent> events) : ILogEventSink
{
    public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
}
