using BenchmarkDotNet.Attributes;
using MotCua.Domain.Calendar;

namespace MotCua.Benchmarks;

/// <summary>Per-call cost of the working calendar and deadline computation; each benchmark runs a batch of
/// <see cref="Batch"/> pre-generated inputs, so the reported time is per call.</summary>
[MemoryDiagnoser]
public class DeadlineBenchmarks
{
    private const int Batch = 1024;

    private readonly DateOnly[] _dates = new DateOnly[Batch];
    private readonly int[] _days = new int[Batch];
    private readonly DateTime[] _received = new DateTime[Batch];
    private readonly DateTime[] _other = new DateTime[Batch];
    private readonly decimal[] _values = new decimal[Batch];
    private readonly ProcessingTimeUnit[] _units = new ProcessingTimeUnit[Batch];
    private WorkingCalendar _calendar = null!;
    private DeadlineCalculator _calculator = null!;

    [GlobalSetup]
    public void Setup()
    {
        var deviations = new List<CalendarDay>();
        for (var year = 1900; year <= 2199; year++)
        {
            deviations.Add(new CalendarDay(new DateOnly(year, 1, 1), DayKind.Holiday, "Tết Dương lịch"));
            for (var d = 0; d < 9; d++)
            {
                deviations.Add(new CalendarDay(new DateOnly(year, 2, 10).AddDays(d), DayKind.Holiday, "Tết Nguyên Đán"));
            }

            deviations.Add(new CalendarDay(new DateOnly(year, 4, 30), DayKind.Holiday, "Ngày Chiến thắng"));
            deviations.Add(new CalendarDay(new DateOnly(year, 5, 1), DayKind.Holiday, "Quốc tế lao động"));
            deviations.Add(new CalendarDay(new DateOnly(year, 9, 2), DayKind.Holiday, "Quốc khánh"));
        }

        _calendar = new WorkingCalendar(1900, 2199, deviations);
        _calculator = new DeadlineCalculator(_calendar, WorkSchedule.Default);

        var random = new Random(20260212);
        var units = new[] { ProcessingTimeUnit.WorkingDay, ProcessingTimeUnit.WorkingDay, ProcessingTimeUnit.WorkingHour,
            ProcessingTimeUnit.CalendarDay, ProcessingTimeUnit.Month, ProcessingTimeUnit.Immediate };
        for (var i = 0; i < Batch; i++)
        {
            _dates[i] = new DateOnly(2000, 1, 1).AddDays(random.Next(0, 365 * 100));
            _days[i] = random.Next(-60, 61);
            var local = new DateTime(2000, 1, 1).AddDays(random.Next(0, 365 * 100)).AddMinutes(random.Next(0, 24 * 60));
            _received[i] = VietnamTime.ToUtc(local);
            _other[i] = VietnamTime.ToUtc(local.AddMinutes(random.Next(0, 60 * 24 * 60)));
            _units[i] = units[random.Next(units.Length)];
            _values[i] = _units[i] switch
            {
                ProcessingTimeUnit.WorkingHour => random.Next(1, 80),
                ProcessingTimeUnit.Month => random.Next(1, 12),
                _ => random.Next(0, 60),
            };
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int AddWorkingDays()
    {
        var sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            sum += _calendar.AddWorkingDays(_dates[i], _days[i]).DayNumber;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int WorkingDaysBetween()
    {
        var sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            sum += _calendar.WorkingDaysBetween(_dates[i], _dates[(i + 1) & (Batch - 1)]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public long ComputeDue_CalendarDayEnd_MixedUnits() => ComputeAll(DeadlinePolicy.CalendarDayEnd);

    [Benchmark(OperationsPerInvoke = Batch)]
    public long ComputeDue_WorkingHours_MixedUnits() => ComputeAll(DeadlinePolicy.WorkingHours);

    [Benchmark(OperationsPerInvoke = Batch)]
    public long ComputeDue_WorkingHours_WorkingDaysOnly()
    {
        long sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            sum += _calculator.ComputeDue(_received[i], _values[i], ProcessingTimeUnit.WorkingDay, DeadlinePolicy.WorkingHours).Value.Ticks;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public long WorkingTimeBetween()
    {
        long sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            sum += _calculator.WorkingTimeBetween(_received[i], _other[i]).Ticks;
        }

        return sum;
    }

    private long ComputeAll(DeadlinePolicy policy)
    {
        long sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            sum += _calculator.ComputeDue(_received[i], _values[i], _units[i], policy).Value.Ticks;
        }

        return sum;
    }
}
