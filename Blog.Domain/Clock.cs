namespace Blog.Domain;

internal static class Clock
{
    /// <summary>Timestamps are kept to the millisecond, the precision the API writes them with.</summary>
    public static DateTime Truncate(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        return new DateTime(ticks - (ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }
}
