using System.Diagnostics;

namespace Blog.Api.Logging;

/// <summary>
/// Every request starts a trace of the service's own: a client's <c>traceparent</c> is not adopted, so the
/// <c>traceId</c> in a problem and in the log names this one request, and no client can make unrelated requests
/// share an id (or pick one that collides with another request's). The client's trace id is kept on the request's
/// log event as <c>ClientTraceId</c>, which links the two. Outgoing context is written as usual.
/// </summary>
public sealed class ServiceOwnedTraceContext : DistributedContextPropagator
{
    private readonly DistributedContextPropagator outgoing = CreateDefaultPropagator();

    public override IReadOnlyCollection<string> Fields => outgoing.Fields;

    public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter) =>
        outgoing.Inject(activity, carrier, setter);

    public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState)
    {
        traceId = null;
        traceState = null;
    }

    public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter) => null;
}
