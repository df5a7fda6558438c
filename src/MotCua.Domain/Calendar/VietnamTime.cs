namespace MotCua.Domain.Calendar;

/// <summary>Vietnam civil time: a fixed UTC+7 offset with no daylight saving.</summary>
/// <remarks>Every conversion from an instant to a business date goes through this type.</remarks>
public static class VietnamTime
{
    /// <summary>The offset of Vietnam time from UTC.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>Today's business date in Vietnam.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>Converts a UTC instant to Vietnam wall-clock time.</summary>
    public static DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(utc.ToUniversalTime() + Offset, DateTimeKind.Unspecified);

    /// <summary>Converts Vietnam wall-clock time to a UTC instant.</summary>
    public static DateTime ToUtc(DateTime local) => DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);

    /// <summary>Converts a UTC instant to an offset value for display and ISO 8601 output.</summary>
    public static DateTimeOffset ToOffset(DateTime utc) => new(ToLocal(utc), Offset);
}
