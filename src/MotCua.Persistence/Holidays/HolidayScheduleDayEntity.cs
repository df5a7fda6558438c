using MotCua.Domain.Calendar;

namespace MotCua.Persistence.Holidays;

/// <summary>One date of a yearly holiday schedule.</summary>
public sealed class HolidayScheduleDayEntity
{
    public Guid ScheduleId { get; set; }

    /// <summary>The civil date in Vietnam.</summary>
    public DateOnly Date { get; set; }

    public DayKind Kind { get; set; }

    /// <summary>Vietnamese description, e.g. "Tết Nguyên Đán".</summary>
    public string Description { get; set; } = "";
}
