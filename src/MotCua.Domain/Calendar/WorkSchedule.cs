using MotCua.Domain.Common;

namespace MotCua.Domain.Calendar;

/// <summary>The working sessions of a one-stop desk per weekday, and its same-day cut-off (domain.md §2.2).</summary>
/// <remarks>
/// <para>Sessions apply only on working days of a <see cref="WorkingCalendar"/>. A weekend day that the calendar makes a
/// working day (làm bù) uses <see cref="MakeUpWorkdaySessions"/>, which default to Monday's sessions.</para>
/// <para><see cref="WorkingDayLength"/> converts working days to working time for
/// <see cref="DeadlinePolicy.WorkingHours"/>; it defaults to Monday's total (8 h for the default schedule, as DVCQG does,
/// QĐ 188/1999/QĐ-TTg: 40 hours a week).</para>
/// </remarks>
public sealed class WorkSchedule
{
    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private readonly WorkSession[][] _sessions;

    private WorkSchedule(WorkSession[][] sessions, WorkSession[] makeUp, TimeOnly cutoff, TimeSpan workingDayLength)
    {
        _sessions = sessions;
        MakeUpWorkdaySessions = makeUp;
        SameDayCutoff = cutoff;
        WorkingDayLength = workingDayLength;
    }

    /// <summary>The default sessions: 07:30–11:30 and 13:00–17:00.</summary>
    public static IReadOnlyList<WorkSession> DefaultSessions { get; } =
        [new(new TimeOnly(7, 30), new TimeOnly(11, 30)), new(new TimeOnly(13, 0), new TimeOnly(17, 0))];

    /// <summary>The default same-day cut-off, 15:00 (ND 61/2018 Art. 18(2)).</summary>
    public static TimeOnly DefaultSameDayCutoff { get; } = new(15, 0);

    /// <summary>Monday–Friday 07:30–11:30 and 13:00–17:00, cut-off 15:00, working day 8 h.</summary>
    public static WorkSchedule Default { get; } = Uniform(DefaultSessions).Value;

    /// <summary>The sessions of a make-up working day on a weekend.</summary>
    public IReadOnlyList<WorkSession> MakeUpWorkdaySessions { get; }

    /// <summary>Dossiers received after this time are handled from the next working day (ND 61/2018 Art. 18(2); D12).</summary>
    public TimeOnly SameDayCutoff { get; }

    /// <summary>The working time that one working day stands for under <see cref="DeadlinePolicy.WorkingHours"/>.</summary>
    public TimeSpan WorkingDayLength { get; }

    /// <summary>The sessions of an ordinary working <paramref name="day"/>; empty for Saturday and Sunday.</summary>
    public IReadOnlyList<WorkSession> SessionsOn(DayOfWeek day) => _sessions[(int)day];

    /// <summary>The same sessions every Monday–Friday.</summary>
    public static Result<WorkSchedule> Uniform(
        IReadOnlyList<WorkSession> sessions, TimeOnly? sameDayCutoff = null, TimeSpan? workingDayLength = null)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        return Create(Weekdays.ToDictionary(d => d, _ => sessions), null, sameDayCutoff, workingDayLength);
    }

    /// <summary>Validates and builds a schedule.</summary>
    /// <param name="weekdaySessions">Sessions for each of Monday–Friday, each sorted, non-overlapping and non-empty.</param>
    /// <param name="makeUpWorkdaySessions">Sessions of a weekend make-up working day; <c>null</c> means Monday's.</param>
    /// <param name="sameDayCutoff">The same-day cut-off; <c>null</c> means 15:00.</param>
    /// <param name="workingDayLength">Working time per working day; <c>null</c> means Monday's total.</param>
    /// <returns>The schedule, or an <see cref="InvalidWorkScheduleError"/> listing every problem.</returns>
    public static Result<WorkSchedule> Create(
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkSession>> weekdaySessions,
        IReadOnlyList<WorkSession>? makeUpWorkdaySessions = null,
        TimeOnly? sameDayCutoff = null,
        TimeSpan? workingDayLength = null)
    {
        ArgumentNullException.ThrowIfNull(weekdaySessions);
        var problems = new List<string>();
        var sessions = new WorkSession[7][];
        for (var d = 0; d < 7; d++)
        {
            sessions[d] = [];
        }

        foreach (var (day, list) in weekdaySessions)
        {
            if (day is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                problems.Add($"{VietnameseName(day)} là ngày nghỉ hằng tuần; ngày làm bù dùng lịch làm bù.");
                continue;
            }

            if (unchecked((uint)day) > (uint)DayOfWeek.Saturday)
            {
                problems.Add($"Ngày trong tuần không hợp lệ: {(int)day}.");
                continue;
            }

            sessions[(int)day] = [.. list ?? []];
        }

        foreach (var day in Weekdays)
        {
            Check(sessions[(int)day], VietnameseName(day), problems);
        }

        WorkSession[] makeUp;
        if (makeUpWorkdaySessions is null)
        {
            makeUp = sessions[(int)DayOfWeek.Monday];
        }
        else
        {
            makeUp = [.. makeUpWorkdaySessions];
            Check(makeUp, "Ngày làm bù", problems);
        }

        var length = workingDayLength ?? Total(sessions[(int)DayOfWeek.Monday]);
        if (length <= TimeSpan.Zero)
        {
            problems.Add("Độ dài một ngày làm việc phải lớn hơn 0.");
        }

        if (problems.Count > 0)
        {
            return new InvalidWorkScheduleError(problems);
        }

        return new WorkSchedule(sessions, makeUp, sameDayCutoff ?? DefaultSameDayCutoff, length);
    }

    private static void Check(WorkSession[] sessions, string dayName, List<string> problems)
    {
        if (sessions.Length == 0)
        {
            problems.Add($"{dayName}: chưa có buổi làm việc nào.");
            return;
        }

        for (var i = 0; i < sessions.Length; i++)
        {
            if (sessions[i].End <= sessions[i].Start)
            {
                problems.Add($"{dayName}: buổi {sessions[i]} phải kết thúc sau khi bắt đầu trong cùng ngày.");
            }

            if (i > 0 && sessions[i].Start < sessions[i - 1].End)
            {
                problems.Add($"{dayName}: buổi {sessions[i]} phải bắt đầu sau khi buổi {sessions[i - 1]} kết thúc.");
            }
        }
    }

    private static TimeSpan Total(WorkSession[] sessions)
    {
        var total = TimeSpan.Zero;
        foreach (var s in sessions)
        {
            total += s.Duration;
        }

        return total;
    }

    private static string VietnameseName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Thứ Hai",
        DayOfWeek.Tuesday => "Thứ Ba",
        DayOfWeek.Wednesday => "Thứ Tư",
        DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu",
        DayOfWeek.Saturday => "Thứ Bảy",
        _ => "Chủ Nhật",
    };
}
