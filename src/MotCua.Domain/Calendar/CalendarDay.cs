namespace MotCua.Domain.Calendar;

/// <summary>Why a date deviates from the ordinary Monday–Friday working week.</summary>
public enum DayKind
{
    /// <summary>An ordinary working day (Monday–Friday).</summary>
    Working,

    /// <summary>An ordinary weekly rest day (Saturday or Sunday).</summary>
    Weekend,

    /// <summary>A statutory public holiday (Labour Code 2019, Art. 112(1)).</summary>
    Holiday,

    /// <summary>A compensatory day off for a holiday that fell on a weekly rest day (Labour Code 2019, Art. 111(3)).</summary>
    CompensatoryOff,

    /// <summary>A working day swapped into a day off by the yearly schedule (hoán đổi).</summary>
    SwapOff,

    /// <summary>A weekly rest day worked to make up for a swapped day off (làm bù).</summary>
    MakeUpWorkday,
}

/// <summary>One date that deviates from (or, for weekend holidays, annotates) the Monday–Friday week.</summary>
/// <param name="Date">The civil date in Vietnam.</param>
/// <param name="Kind">Holiday, compensatory day off, swapped day off or make-up working day.</param>
/// <param name="Description">Vietnamese description, e.g. "Tết Nguyên Đán".</param>
public sealed record CalendarDay(DateOnly Date, DayKind Kind, string Description)
{
    /// <summary>Whether civil servants work on this date.</summary>
    public bool IsWorking => Kind switch
    {
        DayKind.Working or DayKind.MakeUpWorkday => true,
        DayKind.Weekend or DayKind.Holiday or DayKind.CompensatoryOff or DayKind.SwapOff => false,
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
    };
}
