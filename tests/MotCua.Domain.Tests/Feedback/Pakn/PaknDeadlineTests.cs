using MotCua.Domain.Calendar;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Domain.Tests.Calendar;

namespace MotCua.Domain.Tests.Feedback.Pakn;

public class PaknDeadlineTests
{
    private static readonly PaknDriver D = new();

    // Deliberately different numbers in the second version, to prove which one a case picks.
    private static readonly PaknDeadlineSchedule TwoVersions = PaknDriver.Ok(PaknDeadlineSchedule.Create(
    [
        Settings(DateOnly.MinValue, 2, 5, 15, 2, 5),
        Settings(new DateOnly(2026, 7, 20), 3, 7, 10, 3, 7),
    ]));

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

    private static string Local(DateTime utc) => Vn.Format(utc);

    [Fact]
    public void SeededCalendar_Tet2026_IsOffFrom14To22February()
    {
        var calendar = PaknDriver.Seeded.Calendar;

        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 2, 13)));
        for (var day = 14; day <= 22; day++)
        {
            Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 2, day)));
        }

        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 2, 23)));
    }

    [Fact]
    public void Submit_LastWorkingDayBeforeTet_DeadlinesSkipTheHoliday()
    {
        var pakn = D.Submit("2026-02-13 16:00");

        // Seed holidays-2026.json: Tết Mon 16 – Fri 20 Feb with the weekends, 14–22 Feb off. The day of submission is
        // not counted. Mon 23 (1), Tue 24 (2) | Wed 25 (3), Thu 26 (4), Fri 27 (5) | Mar 2–6 (6–10), Mar 9–13 (11–15).
        var d = pakn.Deadlines;
        Assert.Equal("2026-02-13 16:00", Local(d.ClockStartedAtUtc));
        Assert.Equal("2026-02-24 17:00", Local(d.RefusalDueAtUtc));
        Assert.Equal("2026-02-27 17:00", Local(d.FirstSupplementDueAtUtc));
        Assert.Equal("2026-02-27 17:00", Local(d.ForwardDueAtUtc));
        Assert.Equal("2026-03-13 17:00", Local(d.HandlingDueAtUtc));
        Assert.Equal(DateOnly.MinValue, d.Settings.EffectiveFrom);
    }

    [Theory]
    [InlineData("2026-02-13 17:30", "2026-03-16 17:00")] // after closing: counts from Mon 23, due 15 WD after it
    [InlineData("2026-02-18 10:00", "2026-03-16 17:00")] // on the portal during Tết (mùng 2): the same
    [InlineData("2026-02-12 10:00", "2026-03-12 17:00")] // Thu: Fri 13 (1), Feb 23–27 (2–6), Mar 2–6 (7–11), Mar 9–12 (12–15)
    public void Submit_AroundTet_HandlingDueCountsWorkingDaysOnly(string submitted, string due) =>
        Assert.Equal(due, Local(D.Submit(submitted).Deadlines.HandlingDueAtUtc));

    [Fact]
    public void Submit_BeforeAndAfterSwitchDate_PicksTheVersionInForceOnTheStartDate()
    {
        var d = new PaknDriver(TwoVersions);

        var before = d.Submit("2026-07-17 10:00").Deadlines;
        var after = d.Submit("2026-07-20 10:00").Deadlines;

        // Fri 17 Jul, 15 WD: Jul 20–24 (5), Jul 27–31 (10), Aug 3–7 (15).
        Assert.Equal(DateOnly.MinValue, before.Settings.EffectiveFrom);
        Assert.Equal("2026-08-07 17:00", Local(before.HandlingDueAtUtc));
        Assert.Equal("2026-07-21 17:00", Local(before.RefusalDueAtUtc));

        // Mon 20 Jul, 10 WD: Jul 21–24 (4), Jul 27–31 (9), Aug 3 (10); refusal 3 WD: Thu 23.
        Assert.Equal(new DateOnly(2026, 7, 20), after.Settings.EffectiveFrom);
        Assert.Equal("2026-08-03 17:00", Local(after.HandlingDueAtUtc));
        Assert.Equal("2026-07-23 17:00", Local(after.RefusalDueAtUtc));
    }

    [Fact]
    public void Submit_TransferredInAfterSwitch_ClockAndVersionFollowTheTransfer()
    {
        var d = new PaknDriver(TwoVersions);
        var data = PaknDriver.Data("2026-07-21 10:00", PaknChannel.Import) with
        {
            SubmittedAtUtc = Vn.Utc("2026-07-10 08:00"),
            TransferredInAtUtc = Vn.Utc("2026-07-21 09:00"),
        };

        var pakn = d.Submit("2026-07-21 10:00", data, PaknActorRole.System);

        // Tue 21 Jul, 10 WD: Jul 22–24 (3), Jul 27–31 (8), Aug 3–4 (10).
        Assert.Equal("2026-07-10 08:00", Local(pakn.SubmittedAt));
        Assert.Equal("2026-07-21 09:00", Local(pakn.ClockStartedAt));
        Assert.Equal(new DateOnly(2026, 7, 20), pakn.Deadlines.Settings.EffectiveFrom);
        Assert.Equal("2026-08-04 17:00", Local(pakn.Deadlines.HandlingDueAtUtc));
    }

    [Fact]
    public void TransferIn_ForwardedCase_RestartsTheClockWithTheNewVersion()
    {
        var d = new PaknDriver(TwoVersions);
        var pakn = d.Submit("2026-07-15 09:00");
        d.Fire(pakn, PaknDriver.Sample(PaknTrigger.Forward), "2026-07-16 09:00");
        var otherUnit = Guid.CreateVersion7();

        d.Fire(pakn, new TransferPaknInCommand(Vn.Utc("2026-07-22 14:00"), otherUnit), "2026-07-22 15:00");

        Assert.Equal(PaknStatus.Received, pakn.Status);
        Assert.Equal("2026-07-22 14:00", Local(pakn.ClockStartedAt));
        Assert.Equal(pakn.ClockStartedAt, pakn.TransferredInAt);
        Assert.Equal((otherUnit, otherUnit), (pakn.ReceivingUnitId, pakn.HandlingUnitId));
        Assert.Null(pakn.ClosedAt);
        // Wed 22 Jul, 10 WD: Jul 23–24 (2), Jul 27–31 (7), Aug 3–5 (10).
        Assert.Equal("2026-08-05 17:00", Local(pakn.Deadlines.HandlingDueAtUtc));
        Assert.Equal(pakn.ClockStartedAt, pakn.History[^1].ClockStartedAt);
    }

    [Theory]
    [InlineData("2026-07-16 08:00")] // before it was forwarded
    [InlineData("2026-07-23 08:00")] // in the future
    public void TransferIn_ImpossibleTime_InvalidTime(string transferred)
    {
        var pakn = D.Submit("2026-07-15 09:00");
        D.Fire(pakn, PaknDriver.Sample(PaknTrigger.Forward), "2026-07-16 09:00");

        var result = D.Try(pakn, new TransferPaknInCommand(Vn.Utc(transferred)), "2026-07-22 15:00");

        Assert.Equal("pakn.invalid_time", result.Error.Code);
        Assert.Equal(PaknStatus.Forwarded, pakn.Status);
    }

    [Fact]
    public void Submit_OutsideTheCalendar_DeadlineFailedAndNoCase()
    {
        var d = new PaknDriver(calculator: new DeadlineCalculator(WorkingCalendar.MondayToFriday(2026, 2026), WorkSchedule.Default));

        var result = PaknCase.Submit(PaknDriver.Data("2026-12-28 09:00"), d.Ctx("2026-12-28 09:00", PaknActorRole.Citizen));

        Assert.Equal("pakn.deadline_failed", result.Error.Code);
    }
}
