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

    /// <summary>The document that set this particular day, when it differs from the schedule's.</summary>
    public string? Source { get; set; }

    /// <summary>False while the day is only inferred (e.g. from Labour Code Art. 111(3)) and awaits confirmation.</summary>
    public bool Confirmed { get; set; } = true;

    public string? Note { get; set; }
}
