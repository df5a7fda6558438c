using System.Globalization;
using MotCua.Domain.Calendar;

namespace MotCua.Domain.Tests.Calendar;

public class HolidayCalendarTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static HolidayCalendar Seeded() =>
        new([.. Enumerable.Range(2024, 3).Select(y => HolidayScheduleJson.Deserialize(HolidaySeedFiles.Read(y)).Schedule!)]);

    [Fact]
    public void DaysFor_YearWithOfficialSchedule_UsesSchedule()
    {
        var calendar = Seeded();

        Assert.NotNull(calendar.OfficialSchedule(2026));
        Assert.Contains(calendar.DaysFor(2026), d => d.Date == D("2026-01-02") && d.Kind == DayKind.SwapOff);
        Assert.DoesNotContain(StatutoryHolidays.Generate(2026), d => d.Date == D("2026-01-02"));
    }

    [Fact]
    public void DaysFor_YearWithoutSchedule_UsesStatutoryDefaults()
    {
        var calendar = Seeded();

        Assert.Null(calendar.OfficialSchedule(2027));
        Assert.Equal(StatutoryHolidays.Generate(2027), calendar.DaysFor(2027));
    }

    [Fact]
    public void DaysFor_AdditionalHoliday_AppliesOnlyToGeneratedYears()
    {
        var calendar = new HolidayCalendar(
            [HolidayScheduleJson.Deserialize(HolidaySeedFiles.Read(2026)).Schedule!],
            [AdditionalHoliday.VietnameseCultureDay(D("2026-01-01"))]);

        Assert.DoesNotContain(calendar.DaysFor(2026), d => d.Date == D("2026-11-24"));
        Assert.Contains(calendar.DaysFor(2027), d => d.Date == D("2027-11-24"));
    }

    [Fact]
    public void Deviations_2026_ListsNonWorkingWeekdaysAndWorkingWeekends()
    {
        var lines = Seeded().Deviations(D("2026-01-01"), D("2026-12-31"))
            .Select(d => $"{d.Date:yyyy-MM-dd} {d.Kind}").ToList();

        Assert.Equal(
        [
            "2026-01-01 Holiday", "2026-01-02 SwapOff", "2026-01-10 MakeUpWorkday",
            "2026-02-16 Holiday", "2026-02-17 Holiday", "2026-02-18 Holiday", "2026-02-19 Holiday", "2026-02-20 Holiday",
            "2026-04-27 CompensatoryOff", "2026-04-30 Holiday", "2026-05-01 Holiday",
            "2026-08-22 MakeUpWorkday", "2026-08-31 SwapOff", "2026-09-01 Holiday", "2026-09-02 Holiday",
        ], lines);
    }

    [Fact]
    public void Deviations_IncludeWeekendHolidays_AddsSundayHungKingsDay()
    {
        var days = Seeded().Deviations(D("2026-04-20"), D("2026-05-03"), includeWeekendHolidays: true);

        Assert.Equal([D("2026-04-26"), D("2026-04-27"), D("2026-04-30"), D("2026-05-01")], days.Select(d => d.Date));
    }

    [Fact]
    public void Deviations_AcrossYearEnd_MixesOfficialAndGeneratedYears()
    {
        var days = Seeded().Deviations(D("2026-12-20"), D("2027-02-12"));

        Assert.Equal(
            [D("2027-01-01"), D("2027-02-04"), D("2027-02-05"), D("2027-02-08"), D("2027-02-09"), D("2027-02-10")],
            days.Select(d => d.Date));
    }

    [Fact]
    public void Constructor_TwoSchedulesForOneYear_Throws()
    {
        var schedule = HolidayScheduleJson.Deserialize(HolidaySeedFiles.Read(2026)).Schedule!;

        Assert.Throws<ArgumentException>(() => new HolidayCalendar([schedule, schedule]));
    }

    [Fact]
    public void Constructor_InvalidSchedule_Throws()
    {
        var invalid = new HolidaySchedule(2026, "x", false, null, [new(D("2026-01-05"), DayKind.MakeUpWorkday, "Làm bù")]);

        Assert.Throws<ArgumentException>(() => new HolidayCalendar([invalid]));
    }

    [Fact]
    public void Deviations_SwapAcrossNewYear_ShowsMakeUpDayFromPreviousYearsSchedule()
    {
        // Công văn 6519/VPCP-KGVX (2018): Monday 31/12/2018 off, made up on Saturday 05/01/2019.
        var schedule2018 = new HolidaySchedule(2018, "Công văn 6519/VPCP-KGVX", true, null,
        [
            new(D("2018-12-31"), DayKind.SwapOff, "Hoán đổi Tết Dương lịch"),
            new(D("2019-01-05"), DayKind.MakeUpWorkday, "Làm bù cho ngày 31/12/2018"),
        ]);
        Assert.Empty(schedule2018.Validate());

        var days = new HolidayCalendar([schedule2018]).Deviations(D("2018-12-30"), D("2019-01-06"));

        Assert.Equal(
            [(D("2018-12-31"), DayKind.SwapOff), (D("2019-01-01"), DayKind.Holiday), (D("2019-01-05"), DayKind.MakeUpWorkday)],
            days.Select(d => (d.Date, d.Kind)));
    }

    [Fact]
    public void Days_OfficialAndGeneratedOnSameDate_OfficialWins()
    {
        var schedule2018 = new HolidaySchedule(2018, "x", true, null,
            [new(D("2019-01-01"), DayKind.SwapOff, "Ngày thử")]);

        var day = Assert.Single(new HolidayCalendar([schedule2018]).Days(2019, 2019), d => d.Date == D("2019-01-01"));

        Assert.Equal(DayKind.SwapOff, day.Kind);
    }
}
