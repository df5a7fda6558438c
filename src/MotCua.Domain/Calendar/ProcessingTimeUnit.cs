namespace MotCua.Domain.Calendar;

/// <summary>The unit of a procedure's processing time (thời hạn giải quyết, ND 63/2010 Art. 8(2)(đ)).</summary>
public enum ProcessingTimeUnit
{
    /// <summary>Result given at once (ngay); after the same-day cut-off it is due the next working day (D12).</summary>
    Immediate,

    /// <summary>Working hours, counted from the moment of receipt (BLDS 2015 Art. 147(2)).</summary>
    WorkingHour,

    /// <summary>Working days (ngày làm việc).</summary>
    WorkingDay,

    /// <summary>Calendar days (ngày), shifted to a working day when the last one is not (BLDS 2015 Art. 148(5)).</summary>
    CalendarDay,

    /// <summary>Months, ending on the same day number (or the month's last day), then shifted like calendar days.</summary>
    Month,
}
