using OpenTelemetry.Context.Propagation;

namespace Blog.Api.Logging;

/// <summary>
/// <see cref="ServiceOwnedTraceContext"/> for OpenTelemetry. Its ASP.NET Core instrumentation reads the incoming
/// context again through OpenTelemetry's own propagator (W3C trace context and baggage by default) and, finding a
/// client's <c>traceparent</c>, would start a second span in the client's trace and make it the current activity:
/// the problem's <c>traceId</c>, the log line and the span would all carry the client's id. This one extracts nothing,
/// so the request's span is the one ASP.NET Core started, in a trace of the service's own; outgoing context is
/// written as W3C trace context.
/// </summary>
public sealed class ServiceOwnedTextMapPropagator : TextMapPropagator
{
    private readonly TraceContextPropagator outgoing = new();

    public override ISet<string> Fields => outgoing.Fields;

    public override PropagationContext Extract<T>(PropagationContext context, T carrier, Func<T, string, IEnumerable<string>?> getter) => context;

    public override void Inject<T>(PropagationContext context, T carrier, Action<T, string, string> setter) =>
        outgoing.Inject(context, carrier, setter);
}
