namespace MotCua.Domain.Catalogue;

/// <summary>Unit of a procedure's legal processing time (DVCQG <c>DonViTinh</c>).</summary>
/// <remarks>Deadline counting per unit is the calendar's job (domain spec §5.3); this enum only names the unit.</remarks>
public enum ProcessingTimeUnit
{
    /// <summary>"Ngay"/"trong ngày": within the receipt day; received after 15:00 carries to the next working day.</summary>
    Immediate,

    /// <summary>Working hours (8 per working day).</summary>
    WorkingHour,

    /// <summary>Working days (ngày làm việc).</summary>
    WorkingDay,

    /// <summary>Calendar days (ngày), ending on the next working day if the last day is a day off (BLDS 2015 Art. 148(5)).</summary>
    CalendarDay,

    /// <summary>Months (tháng).</summary>
    Month,
}
