using MotCua.Domain.Common;

namespace MotCua.Domain.Calendar;

/// <summary>A desk's working sessions or cut-off are inconsistent.</summary>
/// <param name="Problems">Every problem found, in Vietnamese, one per entry.</param>
public sealed record InvalidWorkScheduleError(IReadOnlyList<string> Problems)
    : Error("work_schedule.invalid", "Lịch làm việc không hợp lệ: " + string.Join("; ", Problems));
