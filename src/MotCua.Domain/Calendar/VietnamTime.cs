namespace MotCua.Domain.Calendar;

/// <summary>Vietnam civil time: a fixed UTC+7 offset with no daylight saving.</summary>
/// <remarks>The one place that converts between UTC instants and Vietnam business dates: an instant is a
/// <see cref="DateTime"/> of kind <see cref="DateTimeKind.Utc"/> (a <see cref="DateTimeKind.Local"/> value is an instant
/// too and is converted); an <see cref="DateTimeKind.Unspecified"/> value has no offset and is refused, never guessed.
/// The engine works only between <see cref="MinInstant"/> and <see cref="MaxInstant"/>, the years its lunar calendar
/// covers (<see cref="VietnameseLunarCalendar"/>); the API refuses instants outside that range.</remarks>
public static class VietnamTime
{
    /// <summary>The offset of Vietnam time from UTC.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The earliest instant the engine accepts: 1 January 1901, 00:00 Vietnam time.</summary>
    public static readonly DateTime MinInstant = new DateTime(VietnameseLunarCalendar.MinLunarYear + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc) - Offset;

    /// <summary>The latest instant the engine accepts: the end of 2198 in Vietnam (deadlines and holidays are computed a year
    /// beyond any accepted date, within the lunar calendar's last year).</summary>
    public static readonly DateTime MaxInstant = new DateTime(VietnameseLunarCalendar.MaxLunarYear, 1, 1, 0, 0, 0, DateTimeKind.Utc) - Offset - TimeSpan.FromTicks(1);

    /// <summary>Today's business date in Vietnam.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return BusinessDate(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The Vietnam business date of an instant.</summary>
    public static DateOnly BusinessDate(DateTime instant) => DateOnly.FromDateTime(ToLocal(instant));

    /// <summary>00:00 of a Vietnam business date, as a UTC instant (a period from day A to day B is
    /// [StartOfDayUtc(A), StartOfDayUtc(B + 1))).</summary>
    public static DateTime StartOfDayUtc(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>Converts an instant to Vietnam wall-clock time.</summary>
    /// <exception cref="ArgumentException">The value has no UTC offset (<see cref="DateTimeKind.Unspecified"/>).</exception>
    public static DateTime ToLocal(DateTime instant) => DateTime.SpecifyKind(AsUtc(instant) + Offset, DateTimeKind.Unspecified);

    /// <summary>Converts Vietnam wall-clock time to a UTC instant.</summary>
    public static DateTime ToUtc(DateTime local) => DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);

    /// <summary>Converts an instant to an offset value for display and ISO 8601 output.</summary>
    public static DateTimeOffset ToOffset(DateTime instant) => new(ToLocal(instant), Offset);

    /// <summary>The instant as UTC: a UTC value as is, a local value converted.</summary>
    /// <exception cref="ArgumentException">The value has no UTC offset (<see cref="DateTimeKind.Unspecified"/>).</exception>
    public static DateTime AsUtc(DateTime instant, string? paramName = null) => instant.Kind switch
    {
        DateTimeKind.Utc => instant,
        DateTimeKind.Local => instant.ToUniversalTime(),
        _ => throw new ArgumentException("An instant must be UTC; a date and time without an offset is ambiguous.", paramName ?? nameof(instant)),
    };

    /// <summary>Throws unless <paramref name="instant"/> is a UTC value.</summary>
    public static void RequireUtc(DateTime instant, string paramName)
    {
        if (instant.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("Expected a UTC instant (DateTimeKind.Utc).", paramName);
        }
    }

    /// <summary>Whether <paramref name="instant"/> has an offset and lies between <see cref="MinInstant"/> and <see cref="MaxInstant"/>.</summary>
    public static bool IsSupported(DateTime instant) =>
        instant.Kind != DateTimeKind.Unspecified && AsUtc(instant) is var utc && utc >= MinInstant && utc <= MaxInstant;
}
