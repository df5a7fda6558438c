using System.Globalization;
using MotCua.Domain.Calendar;

namespace MotCua.Domain.Tests.Calendar;

public class HolidayScheduleJsonTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Deserialize_SeedFile_LoadsValidScheduleForItsYear(int year)
    {
        var result = HolidayScheduleJson.Deserialize(HolidaySeedFiles.Read(year));

        Assert.Empty(result.Errors);
        Assert.True(result.IsSuccess);
        Assert.Equal(year, result.Schedule!.Year);
        Assert.False(string.IsNullOrWhiteSpace(result.Schedule.SourceDocument));
        Assert.Equal(11, result.Schedule.Entries.Count(e => e.Kind == DayKind.Holiday));
        Assert.Equal(
            result.Schedule.Entries.Count(e => e.Kind == DayKind.SwapOff),
            result.Schedule.Entries.Count(e => e.Kind == DayKind.MakeUpWorkday));
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Serialize_SeedFile_ReproducesFileExactly(int year)
    {
        var text = HolidaySeedFiles.Read(year);

        Assert.Equal(text, HolidayScheduleJson.Serialize(HolidayScheduleJson.Deserialize(text).Schedule!));
    }

    [Fact]
    public void Deserialize_Seed2026_HasOfficialTetAndNationalDaySwap()
    {
        var schedule = HolidayScheduleJson.Deserialize(HolidaySeedFiles.Read(2026)).Schedule!;
        var off = schedule.Days.Where(d => !d.IsWorking).Select(d => d.Date).ToHashSet();

        Assert.Equal(5, off.Count(d => d >= D("2026-02-16") && d <= D("2026-02-20")));
        Assert.Contains(schedule.Days, d => d == new CalendarDay(D("2026-08-31"), DayKind.SwapOff, "Hoán đổi ngày làm việc dịp Quốc khánh (làm bù thứ Bảy 22/08)"));
        Assert.Contains(schedule.Days, d => d.Date == D("2026-08-22") && d.Kind == DayKind.MakeUpWorkday && d.IsWorking);
        Assert.Contains(schedule.Days, d => d.Date == D("2026-04-27") && d.Kind == DayKind.CompensatoryOff);
        Assert.DoesNotContain(schedule.Days, d => d.Date == D("2026-11-24"));
    }

    [Fact]
    public void Deserialize_Seed2025_HasTetMondayToFridayAndLabourDaySwap()
    {
        var schedule = HolidayScheduleJson.Deserialize(HolidaySeedFiles.Read(2025)).Schedule!;

        Assert.Equal(
            [D("2025-01-27"), D("2025-01-28"), D("2025-01-29"), D("2025-01-30"), D("2025-01-31")],
            schedule.Days.Where(d => d.Date.Month is 1 or 2 && d.Description.StartsWith("Tết Âm lịch", StringComparison.Ordinal)).Select(d => d.Date));
        Assert.Contains(schedule.Days, d => d.Date == D("2025-05-02") && d.Kind == DayKind.SwapOff);
        Assert.Contains(schedule.Days, d => d.Date == D("2025-04-26") && d.Kind == DayKind.MakeUpWorkday);
    }

    [Fact]
    public void Deserialize_Seed2024_TetIsFiveHolidaysAndTwoCompensatoryDays()
    {
        var schedule = HolidayScheduleJson.Deserialize(HolidaySeedFiles.Read(2024)).Schedule!;
        var tet = schedule.Days.Where(d => d.Date >= D("2024-02-08") && d.Date <= D("2024-02-14")).ToList();

        Assert.Equal(5, tet.Count(d => d.Kind == DayKind.Holiday));
        Assert.Equal([D("2024-02-13"), D("2024-02-14")], tet.Where(d => d.Kind == DayKind.CompensatoryOff).Select(d => d.Date));
        Assert.Contains("5015/TB-LĐTBXH", schedule.SourceDocument, StringComparison.Ordinal);
        Assert.Empty(schedule.UnconfirmedEntries);
    }

    [Fact]
    public void Deserialize_Seed2026_FlagsUnconfirmedCompensatoryDay()
    {
        var schedule = HolidayScheduleJson.Deserialize(HolidaySeedFiles.Read(2026)).Schedule!;

        var entry = Assert.Single(schedule.UnconfirmedEntries);
        Assert.Equal((D("2026-04-27"), DayKind.CompensatoryOff), (entry.Date, entry.Kind));
        Assert.False(string.IsNullOrWhiteSpace(entry.Note));
    }

    [Fact]
    public void SerializeThenDeserialize_Schedule_RoundTrips()
    {
        var schedule = new HolidaySchedule(2030, "Quyết định thử", true, null,
        [
            new(D("2030-01-02"), DayKind.SwapOff, "Hoán đổi", Source: "Công văn 1/VPCP", Confirmed: false, Note: "chưa rõ"),
            new(D("2030-01-01"), DayKind.Holiday, "Tết Dương lịch"),
            new(D("2030-01-05"), DayKind.MakeUpWorkday, "Làm bù \"thứ Bảy\""),
        ]);

        var json = HolidayScheduleJson.Serialize(schedule);
        var back = HolidayScheduleJson.Deserialize(json);

        Assert.True(back.IsSuccess);
        Assert.Equal((schedule.Year, schedule.SourceDocument, schedule.Confirmed, schedule.Note),
            (back.Schedule!.Year, back.Schedule.SourceDocument, back.Schedule.Confirmed, back.Schedule.Note));
        Assert.Equal(schedule.Entries.OrderBy(e => e.Date), back.Schedule.Entries);
        Assert.Contains("\"date\": \"2030-01-01\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"MakeUpWorkday\"", json, StringComparison.Ordinal);
        Assert.Contains("Tết Dương lịch", json, StringComparison.Ordinal);
        Assert.True(json.IndexOf("2030-01-01", StringComparison.Ordinal) < json.IndexOf("2030-01-02", StringComparison.Ordinal));
    }

    private static string Schedule(string days, int year = 2026, string source = "\"TB 1\"") =>
        $$"""{ "year": {{year}}, "sourceDocument": {{source}}, "confirmed": false, "days": [ {{days}} ] }""";

    private static string Day(string date, string kind = "Holiday", string description = "Lễ") =>
        $$"""{ "date": "{{date}}", "kind": "{{kind}}", "description": "{{description}}" }""";

    [Theory]
    [InlineData("{ \"year\": 2026, ", "InvalidJson")]
    [InlineData("[]", "InvalidJson")]
    [InlineData("{ \"days\": [] }", "InvalidJson")]
    [InlineData("{ \"year\": 2026, \"sourceDocument\": \"x\" }", "InvalidJson")]
    [InlineData("{ \"year\": 2026, \"sourceDocument\": \"x\", \"days\": [], \"extra\": 1 }", "InvalidJson")]
    [InlineData("{ \"year\": 2026, \"sourceDocument\": \"x\", \"days\": [ { \"date\": \"2026-01-01\", \"kind\": \"Holidays\", \"description\": \"a\" } ] }", "InvalidJson")]
    [InlineData("{ \"year\": 2026, \"sourceDocument\": \"x\", \"days\": [ { \"date\": \"2026-01-01\", \"kind\": 2, \"description\": \"a\" } ] }", "InvalidJson")]
    [InlineData("{ \"year\": 2026, \"sourceDocument\": \"x\", \"days\": [ { \"date\": \"01/01/2026\", \"kind\": \"Holiday\", \"description\": \"a\" } ] }", "InvalidJson")]
    [InlineData("{ \"year\": 2026, \"sourceDocument\": \"x\", \"days\": [ { \"kind\": \"Holiday\", \"description\": \"a\" } ] }", "InvalidJson")]
    [InlineData("{ \"year\": 2026, \"sourceDocument\": \"x\", \"days\": [ null ] }", "InvalidJson")]
    public void Deserialize_MalformedJson_ReturnsInvalidJson(string json, string code)
    {
        var result = HolidayScheduleJson.Deserialize(json);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Schedule);
        Assert.Equal([code], result.Errors.Select(e => e.Code));
        Assert.False(string.IsNullOrWhiteSpace(result.Errors[0].Message));
    }

    [Fact]
    public void Deserialize_UnknownKind_MessageNamesThePath()
    {
        var result = HolidayScheduleJson.Deserialize(Schedule(Day("2026-01-01", kind: "Holidays")));

        Assert.Contains("$.days[0].kind", result.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-12-31", "Holiday", HolidayScheduleError.DateOutsideYear)]
    [InlineData("2027-01-01", "CompensatoryOff", HolidayScheduleError.DateOutsideYear)]
    [InlineData("2027-02-06", "MakeUpWorkday", HolidayScheduleError.DateOutsideYear)]
    [InlineData("2025-11-28", "SwapOff", HolidayScheduleError.DateOutsideYear)]
    [InlineData("2026-01-06", "MakeUpWorkday", HolidayScheduleError.MakeUpWorkdayOnWeekday)]
    [InlineData("2026-01-03", "SwapOff", HolidayScheduleError.DayOffOnWeekend)]
    [InlineData("2026-01-04", "CompensatoryOff", HolidayScheduleError.DayOffOnWeekend)]
    [InlineData("2026-01-05", "Working", HolidayScheduleError.KindNotAllowed)]
    [InlineData("2026-01-03", "Weekend", HolidayScheduleError.KindNotAllowed)]
    public void Deserialize_InvalidDay_ReturnsRuleError(string date, string kind, string code)
    {
        var result = HolidayScheduleJson.Deserialize(Schedule(Day(date, kind)));

        Assert.Null(result.Schedule);
        Assert.Equal([code], result.Errors.Select(e => e.Code));
        Assert.Contains(date, result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_SeveralProblems_ReportsAllOfThem()
    {
        var json = Schedule($"{Day("2026-01-01")}, {Day("2026-01-01")}, {Day("2026-01-02", description: "")}", year: 2026, source: "\"\"");

        var codes = HolidayScheduleJson.Deserialize(json).Errors.Select(e => e.Code).ToList();

        Assert.Equal([HolidayScheduleError.MissingSource, HolidayScheduleError.DuplicateDate, HolidayScheduleError.MissingDescription], codes);
    }

    [Fact]
    public void Deserialize_YearOutOfRange_ReturnsError()
    {
        var result = HolidayScheduleJson.Deserialize(Schedule(Day("2300-01-01"), year: 2300));

        Assert.Equal([HolidayScheduleError.YearOutOfRange], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Deserialize_MakeUpSaturday_IsValidWorkingDay()
    {
        var result = HolidayScheduleJson.Deserialize(Schedule(Day("2026-01-10", "MakeUpWorkday")));

        Assert.True(result.IsSuccess);
        Assert.True(result.Schedule!.Days.Single().IsWorking);
        Assert.True(result.Schedule.Entries.Single().Confirmed);
    }
}
