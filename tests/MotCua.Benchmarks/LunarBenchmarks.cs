using BenchmarkDotNet.Attributes;
using MotCua.Domain.Calendar;

namespace MotCua.Benchmarks;

/// <summary>Table-based Vietnamese lunar conversions; each operation converts one date from a spread over 1900–2199.</summary>
[MemoryDiagnoser]
public class LunarBenchmarks
{
    private const int Count = 1024;
    private readonly DateOnly[] _solar = new DateOnly[Count];
    private readonly LunarDate[] _lunar = new LunarDate[Count];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260217);
        var min = VietnameseLunarCalendar.MinSolarDate.DayNumber;
        var max = VietnameseLunarCalendar.MaxSolarDate.DayNumber;
        for (var i = 0; i < Count; i++)
        {
            _solar[i] = DateOnly.FromDayNumber(random.Next(min, max + 1));
            _lunar[i] = VietnameseLunarCalendar.FromSolar(_solar[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int FromSolar()
    {
        var sum = 0;
        foreach (var date in _solar)
        {
            sum += VietnameseLunarCalendar.FromSolar(date).Day;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int ToSolar()
    {
        var sum = 0;
        foreach (var date in _lunar)
        {
            sum += VietnameseLunarCalendar.ToSolar(date).DayNumber;
        }

        return sum;
    }
}
