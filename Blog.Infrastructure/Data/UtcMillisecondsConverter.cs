using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Blog.Infrastructure.Data;

/// <summary>
/// Stores UTC timestamps as Unix milliseconds: an INTEGER column compares, sorts and indexes cheaply in SQLite,
/// and reads back with <see cref="DateTimeKind.Utc"/>, so the API writes them with a 'Z'.
/// </summary>
public sealed class UtcMillisecondsConverter() : ValueConverter<DateTime, long>(value => ToStored(value), stored => FromStored(stored))
{
    public static long ToStored(DateTime value) => (value.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;

    public static DateTime FromStored(long stored) => new(DateTime.UnixEpoch.Ticks + (stored * TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
