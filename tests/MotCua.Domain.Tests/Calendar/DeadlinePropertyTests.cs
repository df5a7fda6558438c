using FsCheck;
using FsCheck.Fluent;
using MotCua.Domain.Calendar;

namespace MotCua.Domain.Tests.Calendar;

public class DeadlinePropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(500);

    private static readonly WorkSchedule[] Schedules =
    [
        WorkSchedule.Default,
        WorkSchedule.Uniform(
            [S(7, 0, 9, 0), S(9, 30, 11, 30), S(13, 30, 16, 45)],
            sameDayCutoff: new TimeOnly(14, 0)).Value,
        WorkSchedule.Create(
            new Dictionary<DayOfWeek, IReadOnlyList<WorkSession>>
            {
                [DayOfWeek.Monday] = WorkSchedule.DefaultSessions,
                [DayOfWeek.Tuesday] = WorkSchedule.DefaultSessions,
                [DayOfWeek.Wednesday] = [S(8, 0, 12, 0), S(13, 30, 17, 30)],
                [DayOfWeek.Thursday] = WorkSchedule.DefaultSessions,
                [DayOfWeek.Friday] = [S(7, 30, 11, 30)],
            },
            makeUpWorkdaySessions: [S(8, 0, 11, 0)],
            workingDayLength: TimeSpan.FromHours(7.5)).Value,
    ];

    private sealed record Case(
        CalendarDay[] Deviations, int Schedule, DateTime ReceivedLocal, decimal Value, ProcessingTimeUnit Unit,
        DeadlinePolicy Policy, DeadlineOptions Options)
    {
        public DeadlineCalculator Calculator() => new(new WorkingCalendar(2025, 2030, Deviations), Schedules[Schedule]);

        public NaiveReference Naive() => new(Deviations, Schedules[Schedule]);

        public DateTime Due(DeadlineCalculator calculator, decimal value) =>
            calculator.ComputeDue(VietnamTime.ToUtc(ReceivedLocal), value, Unit, Policy, Options).Value;
    }

    private static Gen<DateTime> ReceiptGen() =>
        from day in Gen.Choose(0, 364)
        from minute in Gen.Choose(0, 24 * 60 - 1)
        select new DateTime(2026, 1, 1).AddDays(day).AddMinutes(minute);

    private static Gen<Case> CaseGen() =>
        from deviations in WorkingCalendarTests.DeviationsGen()
        from schedule in Gen.Choose(0, Schedules.Length - 1)
        from received in ReceiptGen()
        from unit in Gen.Elements(Enum.GetValues<ProcessingTimeUnit>())
        from policy in Gen.Elements(DeadlinePolicy.CalendarDayEnd, DeadlinePolicy.WorkingHours)
        from halves in Gen.Choose(0, 2 * MaxValue(unit))
        from shift in Gen.Elements(false, true)
        from endOfDay in Gen.Elements(false, true)
        from immediateCutoff in Gen.Elements(false, true)
        let fractionAllowed = unit == ProcessingTimeUnit.WorkingHour
            || (unit == ProcessingTimeUnit.WorkingDay && policy == DeadlinePolicy.WorkingHours)
        let value = fractionAllowed ? halves / 2m : halves / 2
        let options = new DeadlineOptions
        {
            CutoffShiftsStart = shift,
            DueTimeOfDay = endOfDay ? DueTimeOfDay.EndOfDay : DueTimeOfDay.CloseOfLastSession,
            ImmediateAfterCutoffIsNextDay = immediateCutoff,
        }
        select new Case(deviations, schedule, received, value, unit, policy, options);

    private static int MaxValue(ProcessingTimeUnit unit) => unit switch
    {
        ProcessingTimeUnit.WorkingHour => 200,
        ProcessingTimeUnit.WorkingDay => 60,
        ProcessingTimeUnit.CalendarDay => 120,
        ProcessingTimeUnit.Month => 24,
        _ => 3,
    };

    [Fact]
    public void ComputeDue_RandomInputs_EqualsNaiveReference() =>
        Check.One(Config, Prop.ForAll(CaseGen().ToArbitrary(), c =>
        {
            var actual = c.Due(c.Calculator(), c.Value);
            var expected = VietnamTime.ToUtc(c.Naive().ComputeDue(c.ReceivedLocal, c.Value, c.Unit, c.Policy, c.Options));
            return (actual == expected).Label($"O(1) {Vn.Format(actual)} vs naive {Vn.Format(expected)}");
        }));

    [Fact]
    public void ComputeDue_RandomInputs_IsNeverBeforeReceipt() =>
        Check.One(Config, Prop.ForAll(CaseGen().ToArbitrary(), c =>
            c.Due(c.Calculator(), c.Value) >= VietnamTime.ToUtc(c.ReceivedLocal)));

    [Fact]
    public void ComputeDue_LargerLimit_IsNeverEarlier() =>
        Check.One(Config, Prop.ForAll(CaseGen().ToArbitrary(), Gen.Choose(1, 10).ToArbitrary(), (c, extra) =>
        {
            var calculator = c.Calculator();
            return c.Due(calculator, c.Value) <= c.Due(calculator, c.Value + extra);
        }));

    // b > 0: a zero limit from a session close is due at the next opening, not at the close itself.
    [Fact]
    public void ComputeDue_WorkingHours_IsAdditive() =>
        Check.One(Config, Prop.ForAll(
            CaseGen().ToArbitrary(), Gen.Choose(0, 120).ToArbitrary(), Gen.Choose(1, 120).ToArbitrary(), (c, a, b) =>
            {
                var calculator = c.Calculator();
                var start = VietnamTime.ToUtc(c.ReceivedLocal);
                var first = calculator.ComputeDue(start, a / 4m, ProcessingTimeUnit.WorkingDay, DeadlinePolicy.WorkingHours).Value;
                var chained = calculator.ComputeDue(first, b / 4m, ProcessingTimeUnit.WorkingDay, DeadlinePolicy.WorkingHours).Value;
                var whole = calculator.ComputeDue(start, (a + b) / 4m, ProcessingTimeUnit.WorkingDay, DeadlinePolicy.WorkingHours).Value;
                return (chained == whole).Label($"{Vn.Format(chained)} vs {Vn.Format(whole)}");
            }));

    [Fact]
    public void WorkingTimeBetween_RandomInstants_EqualsNaiveReferenceAndInvertsAddWorkingTime() =>
        Check.One(Config, Prop.ForAll(
            CaseGen().ToArbitrary(), ReceiptGen().ToArbitrary(), Gen.Choose(0, 6000).ToArbitrary(), (c, otherLocal, minutes) =>
            {
                var calculator = c.Calculator();
                var from = VietnamTime.ToUtc(c.ReceivedLocal);
                var to = VietnamTime.ToUtc(otherLocal);
                var amount = TimeSpan.FromMinutes(minutes);
                return calculator.WorkingTimeBetween(from, to) == c.Naive().WorkingTimeBetween(c.ReceivedLocal, otherLocal)
                    && calculator.WorkingTimeBetween(from, calculator.AddWorkingTime(from, amount)) == amount;
            }));

    private static WorkSession S(int h1, int m1, int h2, int m2) => new(new TimeOnly(h1, m1), new TimeOnly(h2, m2));
}
