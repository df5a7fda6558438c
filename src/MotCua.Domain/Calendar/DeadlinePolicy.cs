namespace MotCua.Domain.Calendar;

/// <summary>How working days are turned into a due time (domain.md §5.3).</summary>
public enum DeadlinePolicy
{
    /// <summary>Civil-code counting (BLDS 2015 Art. 147–148): the day of receipt is not counted and a limit in days
    /// ends at the close of its last day.</summary>
    CalendarDayEnd,

    /// <summary>A working day is <see cref="WorkSchedule.WorkingDayLength"/> of working time consumed from the moment
    /// of receipt (DVCQG practice: 1 working day = 8 h).</summary>
    WorkingHours,
}
