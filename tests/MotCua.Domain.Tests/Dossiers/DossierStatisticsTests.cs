using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Tests.Calendar;
using static MotCua.Domain.Dossiers.DossierDayMeasure;

namespace MotCua.Domain.Tests.Dossiers;

/// <summary>The daily statistics a dossier contributes agree, at every day's end, with its standing by
/// <see cref="Dossier.ClassifyAt"/> (the one definition of domain.md §3.4), over seeded random lives that cross
/// supplements, pauses, extensions, withdrawals and Tết 2026.</summary>
public sealed class DossierStatisticsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void DailyContributions_SummedUpToAnyDay_MatchClassifyAtThatDaysEnd(int seed)
    {
        var random = new Random(seed);
        var triggers = Enum.GetValues<DossierTrigger>();
        var checkedDays = 0;
        for (var walk = 0; walk < 30; walk++)
        {
            var d = new Driver(Driver.MakeTerms(supplement: random.Next(2) == 0
                ? SupplementClockPolicy.SupplementRestart : SupplementClockPolicy.SupplementPause, financialPause: random.Next(2) == 0));
            // Start dates from late January so some lives cross Tết (14–22/02/2026).
            var local = new DateTime(2026, 1, 26, 8, 0, 0).AddDays(random.Next(0, 40));
            var dossier = random.Next(2) == 0 ? d.Submit($"{local:yyyy-MM-dd HH:mm}") : d.Counter($"{local:yyyy-MM-dd HH:mm}");
            for (var step = 0; step < 50; step++)
            {
                // Mostly hours apart, sometimes days, so dossiers run late and pauses span day-ends.
                local = local.AddMinutes(random.Next(3) == 0 ? random.Next(1440, 8 * 1440) : random.Next(5, 600));
                var now = VietnamTime.ToUtc(local);
                var trigger = triggers[random.Next(triggers.Length)];
                if (dossier.Fire(Driver.Sample(trigger, now, dossier), d.Ctx(now, Driver.DefaultRole(trigger))).IsFailure)
                {
                    continue;
                }

                checkedDays += AssertAgreesWithClassifyAt(dossier, VietnamTime.BusinessDate(now).AddDays(20));
            }
        }

        Assert.True(checkedDays > 1000, $"only {checkedDays} day-ends were compared");
    }

    [Fact]
    public void NotReceived_ContributesNothing()
    {
        var d = new Driver();
        Assert.Empty(d.Submit("2026-03-09 08:00").DailyContributions());
    }

    [Fact]
    public void CounterDossierLeftOpen_ReceivedOnceThenOverdueFromTheDayAfterItsAppointment()
    {
        var d = new Driver();
        var dossier = d.Counter("2026-03-09 09:00");
        var due = VietnamTime.BusinessDate(dossier.OriginalAppointmentAt!.Value);

        var deltas = dossier.DailyContributions();

        // TT 01/2018 compares dates (overdue from the day after the due date); DVCQG compares the instant, so at the end
        // of the due date itself, after the appointment's hour, the open dossier is already late for 766 §2.1.
        Assert.True(dossier.CurrentAppointmentAt!.Value < Dossier.EndOfDayUtc(due));
        Assert.Equal(
            [new DossierDayDelta(new DateOnly(2026, 3, 9), Received, 1), new DossierDayDelta(due.AddDays(1), Overdue, 1), new DossierDayDelta(due, OverdueForDvcqg, 1)],
            deltas);
    }

    [Fact]
    public void DocumentFacts_AddTheDigitisationMeasures_TheElectronicResultOnlyWithAResult()
    {
        var d = new Driver();
        var dossier = d.Counter("2026-03-09 09:00");
        var received = new DateOnly(2026, 3, 9);
        static DossierDayMeasure[] Extra(IEnumerable<DossierDayDelta> deltas) =>
            [.. deltas.Select(x => x.Measure).Where(m => m is ReceivedDigitised or ReceivedReusingData or EndedWithElectronicResult)];

        // 4.2 needs both a digitised component and an electronic result; 4.3 the reused data alone.
        Assert.Empty(Extra(dossier.DailyContributions(new DossierDocumentFacts(Digitised: true, ReusedData: false, ElectronicResult: false))));
        Assert.Equal([ReceivedReusingData], Extra(dossier.DailyContributions(new DossierDocumentFacts(false, true, false))));
        Assert.Contains(new DossierDayDelta(received, ReceivedDigitised, 1), dossier.DailyContributions(new DossierDocumentFacts(true, false, true)));

        // Withdrawn: ended without a result, so an electronic file is no electronic result (4.1 counts results).
        d.Fire(dossier, new ReasonCommand(DossierTrigger.Withdraw, "Công dân xin rút"), "2026-03-10 09:00", DossierActorRole.DeskOfficer);
        var withdrawn = dossier.DailyContributions(new DossierDocumentFacts(true, true, true));
        Assert.Contains(new DossierDayDelta(new DateOnly(2026, 3, 10), EndedWithoutResult, 1), withdrawn);
        Assert.Equal([ReceivedDigitised, ReceivedReusingData], Extra(withdrawn));
    }

    [Theory]
    [InlineData(-2, 0)] // asked before the appointment: the pause is within the deadline at every day-end
    [InlineData(3, 1)] // asked after it: overdue at every day-end of the pause (C1 §2.1: ended at the request, late)
    public void SupplementPause_JudgedAtTheRequest(int daysAfterAppointment, int overdueDuringPause)
    {
        var d = new Driver(Driver.MakeTerms(supplement: SupplementClockPolicy.SupplementPause));
        var dossier = d.InState(DossierStatus.Appraising);
        var due = VietnamTime.BusinessDate(dossier.OriginalAppointmentAt!.Value);
        var asked = due.AddDays(daysAfterAppointment);
        d.Fire(dossier, new RequestSupplementCommand("Thiếu bản vẽ", ["Bản vẽ"]), $"{asked:yyyy-MM-dd} 10:00");

        var late = asked.AddDays(10);
        Assert.Equal(overdueDuringPause, dossier.DailyContributions().Where(x => x.Measure == Overdue && x.Day <= late).Sum(x => x.Delta));
        AssertAgreesWithClassifyAt(dossier, late);

        d.Fire(dossier, Driver.Sample(DossierTrigger.CompleteSupplement, Vn.Utc($"{late.AddDays(1):yyyy-MM-dd} 09:00"), dossier), $"{late.AddDays(1):yyyy-MM-dd} 09:00", DossierActorRole.DeskOfficer);
        AssertAgreesWithClassifyAt(dossier, late.AddDays(30));
    }

    [Fact]
    public void Extension_IsStillJudgedAgainstTheLegalAppointment()
    {
        var d = new Driver();
        var dossier = d.InState(DossierStatus.Appraising);
        var due = VietnamTime.BusinessDate(dossier.OriginalAppointmentAt!.Value);
        d.Fire(dossier, new IssueApologyCommand("Cần xác minh thêm", dossier.CurrentAppointmentAt!.Value.AddDays(7), "Trần Văn B"), $"{due.AddDays(-1):yyyy-MM-dd} 10:00", DossierActorRole.AgencyHead);

        // TT 01/2018: an extended dossier that misses the original date is late (domain.md §5.4).
        Assert.Contains(new DossierDayDelta(due.AddDays(1), Overdue, 1), dossier.DailyContributions());
        AssertAgreesWithClassifyAt(dossier, due.AddDays(30));
    }

    // Compares every day-end from the day before receipt to `last`; returns how many were compared.
    internal static int AssertAgreesWithClassifyAt(Dossier dossier, DateOnly last)
    {
        var deltas = dossier.DailyContributions();
        if (dossier.ReceivedAt is not { } received)
        {
            Assert.Empty(deltas);
            return 0;
        }

        var count = 0;
        for (var day = VietnamTime.BusinessDate(received).AddDays(-1); day <= last; day = day.AddDays(1))
        {
            int Sum(DossierDayMeasure m) => deltas.Where(x => x.Measure == m && x.Day <= day).Sum(x => x.Delta);
            var standing = dossier.ClassifyAt(Dossier.EndOfDayUtc(day));
            var context = $"day {day:yyyy-MM-dd}, status {dossier.Status}, version {dossier.Version}";

            Assert.True(Sum(Received) == (day >= VietnamTime.BusinessDate(received) ? 1 : 0), context);
            var ended = (Sum(EndedEarly), Sum(EndedOnTime), Sum(EndedLate), Sum(EndedUnclassified), Sum(EndedWithoutResult));
            var withoutResult = dossier.Status is DossierStatus.Withdrawn or DossierStatus.RejectedAfterAppraisal or DossierStatus.Stopped;
            var endedBy = dossier.ProcessingEndedAt is { } e && VietnamTime.BusinessDate(e) <= day;
            var expectedEnded = !endedBy ? (0, 0, 0, 0, 0)
                : withoutResult ? (0, 0, 0, 0, 1)
                : standing is { Ended: true } s
                    ? (s.Timeliness == Timeliness.Early ? 1 : 0, s.Timeliness == Timeliness.OnTime ? 1 : 0, s.Timeliness == Timeliness.Late ? 1 : 0, 0, 0)
                    : (0, 0, 0, 1, 0);
            Assert.True(expectedEnded == ended, $"{context}: ended {ended}, expected {expectedEnded}");
            var overdue = Sum(Overdue);
            var expectedOverdue = standing is { Ended: false, Timeliness: Timeliness.Late } ? 1 : 0;
            Assert.True(expectedOverdue == overdue, $"{context}: overdue {overdue}, expected {expectedOverdue}");
            // 766 §2.1: open and late by the portal's rule at the day's end, and ended late for DVCQG by then.
            var dvcqg = dossier.DvcqgStandingAt(Dossier.EndOfDayUtc(day));
            var openLate = Sum(OverdueForDvcqg);
            var expectedOpenLate = dvcqg is { Ended: false, Late: true } ? 1 : 0;
            Assert.True(expectedOpenLate == openLate, $"{context}: open late for DVCQG {openLate}, expected {expectedOpenLate}");
            Assert.True(Sum(EndedLateForDvcqg) == (dvcqg is { Ended: true, Late: true } ? 1 : 0), $"{context}: ended late for DVCQG");
            count++;
        }

        return count;
    }
}
