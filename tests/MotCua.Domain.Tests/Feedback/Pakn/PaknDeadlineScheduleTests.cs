using MotCua.Domain.Calendar;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Domain.Tests.Calendar;

namespace MotCua.Domain.Tests.Feedback.Pakn;

public class PaknDeadlineScheduleTests
{
    private static PaknDeadlineSettings Settings(DateOnly from, int refusal, int supplement, int handling, int publication, int forward) => new()
    {
        EffectiveFrom = from,
        Source = "test",
        RefusalWorkingDays = refusal,
        FirstSupplementWorkingDays = supplement,
        HandlingWorkingDays = handling,
        PublicationWorkingDays = publication,
        ForwardWorkingDays = forward,
    };

    [Fact]
    public void Default_TwoVersionsWithTheSameUnverifiedNumbers()
    {
        var versions = PaknDeadlineSchedule.Default.Versions;

        Assert.Equal([DateOnly.MinValue, new DateOnly(2026, 7, 20)], versions.Select(v => v.EffectiveFrom));
        Assert.All(versions, v =>
        {
            Assert.Equal((2, 5, 15, 2, 5), (v.RefusalWorkingDays, v.FirstSupplementWorkingDays, v.HandlingWorkingDays, v.PublicationWorkingDays, v.ForwardWorkingDays));
            Assert.False(v.Verified);
        });
        Assert.Contains("29/2026", versions[1].Source, StringComparison.Ordinal);
        Assert.Same(versions[0], PaknDeadlineSchedule.Default.For(new DateOnly(2026, 7, 19)).Value);
        Assert.Same(versions[1], PaknDeadlineSchedule.Default.For(new DateOnly(2026, 7, 20)).Value);
    }

    [Fact]
    public void Create_UnsortedList_SortsByEffectiveDate()
    {
        var schedule = PaknSamples.Ok(PaknDeadlineSchedule.Create(
            [Settings(new DateOnly(2026, 7, 20), 1, 1, 1, 1, 1), Settings(new DateOnly(2021, 1, 1), 2, 5, 15, 2, 5)]));

        Assert.Equal(15, schedule.For(new DateOnly(2026, 7, 19)).Value.HandlingWorkingDays);
        Assert.Equal(1, schedule.For(new DateOnly(2030, 1, 1)).Value.HandlingWorkingDays);
        var missing = schedule.For(new DateOnly(2020, 12, 31));
        Assert.Equal("pakn.no_deadline_settings", missing.Error.Code);
    }

    public static TheoryData<PaknDeadlineSettings[]> InvalidSchedules() => new()
    {
        Array.Empty<PaknDeadlineSettings>(),
        new[] { Settings(DateOnly.MinValue, 2, 5, 15, 2, 5), Settings(DateOnly.MinValue, 2, 5, 15, 2, 5) },
        new[] { Settings(DateOnly.MinValue, 0, 5, 15, 2, 5) },
        new[] { Settings(DateOnly.MinValue, 2, 5, 366, 2, 5) },
        new[] { Settings(DateOnly.MinValue, 2, 5, 15, 2, -1) },
    };

    [Theory]
    [MemberData(nameof(InvalidSchedules))]
    public void Create_InvalidList_InvalidDeadlineSettings(PaknDeadlineSettings[] versions)
    {
        var result = PaknDeadlineSchedule.Create(versions);

        Assert.Equal("pakn.invalid_deadline_settings", result.Error.Code);
        Assert.IsType<InvalidPaknDeadlineSettings>(result.Error);
    }

    [Fact]
    public void Compute_LastWorkingDayBeforeTet_OnTheSeededCalendar()
    {
        var calendar = new DeadlineCalculator(PaknSamples.SeededCalendar(), WorkSchedule.Default);

        var d = PaknSamples.Ok(PaknDeadlines.Compute(Vn.Utc("2026-02-13 16:00"), PaknDeadlineSchedule.Default, calendar));

        // holidays-2026.json: Tết Mon 16 – Fri 20 Feb, 14–22 Feb off with the weekends. Mar 9–13 are WD 11–15.
        Assert.Equal("2026-03-13 17:00", Vn.Format(d.HandlingDueAtUtc));
        var publication = PaknSamples.Ok(PaknDeadlines.PublicationDue(Vn.Utc("2026-02-12 10:00"), d.Settings, calendar));
        Assert.Equal("2026-02-23 17:00", Vn.Format(publication)); // Thu 12: Fri 13 (1), Mon 23 (2)
    }

    [Fact]
    public void IsOnTime_ComparesVietnamDates()
    {
        var due = Vn.Utc("2026-03-13 17:00");

        Assert.True(PaknDeadlines.IsOnTime(Vn.Utc("2026-03-13 23:59"), due));
        Assert.False(PaknDeadlines.IsOnTime(Vn.Utc("2026-03-14 00:00"), due));
        Assert.True(PaknDeadlines.IsOnTime(Vn.Utc("2026-03-13 23:59"), Vn.Utc("2026-03-14 00:00"))); // 24:00 of the 13th
    }
}
