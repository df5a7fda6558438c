using System.Globalization;
using MotCua.Domain.Calendar;

namespace MotCua.Domain.Tests.Calendar;

public class StatutoryHolidaysTests
{
    private const DayKind H = DayKind.Holiday;
    private const DayKind C = DayKind.CompensatoryOff;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<(DateOnly, DayKind)> Expected(params (string Date, DayKind Kind)[] days) =>
        [.. days.Select(d => (D(d.Date), d.Kind))];

    private static List<(DateOnly, DayKind)> Actual(int year) =>
        [.. StatutoryHolidays.Generate(year).Select(d => (d.Date, d.Kind))];

    [Fact]
    public void Generate_2024_TetOverWeekendPushesCompensationAfterTheRun()
    {
        // Tết Sat 10/02: holidays Thu 08 (29 tháng Chạp) to Mon 12; Sat 10 and Sun 11 → Tue 13, Wed 14.
        Assert.Equal(Expected(
            ("2024-01-01", H),
            ("2024-02-08", H), ("2024-02-09", H), ("2024-02-10", H), ("2024-02-11", H), ("2024-02-12", H),
            ("2024-02-13", C), ("2024-02-14", C),
            ("2024-04-18", H),
            ("2024-04-30", H), ("2024-05-01", H),
            ("2024-09-02", H), ("2024-09-03", H)), Actual(2024));
    }

    [Fact]
    public void Generate_2025_WednesdayTetTakesMondayToFriday()
    {
        Assert.Equal(Expected(
            ("2025-01-01", H),
            ("2025-01-27", H), ("2025-01-28", H), ("2025-01-29", H), ("2025-01-30", H), ("2025-01-31", H),
            ("2025-04-07", H),
            ("2025-04-30", H), ("2025-05-01", H),
            ("2025-09-01", H), ("2025-09-02", H)), Actual(2025));
    }

    [Fact]
    public void Generate_2026_SundayHungKingsDayGivesMonday27April()
    {
        Assert.Equal(Expected(
            ("2026-01-01", H),
            ("2026-02-16", H), ("2026-02-17", H), ("2026-02-18", H), ("2026-02-19", H), ("2026-02-20", H),
            ("2026-04-26", H), ("2026-04-27", C),
            ("2026-04-30", H), ("2026-05-01", H),
            ("2026-09-01", H), ("2026-09-02", H)), Actual(2026));
    }

    [Fact]
    public void Generate_2027_SaturdayLabourDayGivesMonday3May()
    {
        Assert.Equal(Expected(
            ("2027-01-01", H),
            ("2027-02-04", H), ("2027-02-05", H), ("2027-02-06", H), ("2027-02-07", H), ("2027-02-08", H),
            ("2027-02-09", C), ("2027-02-10", C),
            ("2027-04-16", H),
            ("2027-04-30", H), ("2027-05-01", H), ("2027-05-03", C),
            ("2027-09-02", H), ("2027-09-03", H)), Actual(2027));
    }

    [Fact]
    public void Generate_2028_SundayBeforeHolidayIsCompensatedAfterIt()
    {
        // 1/1 Sat → Mon 3/1; Tết Wed 26/1 → Mon 24 to Fri 28; 30/4 Sun → Tue 2/5 because Mon 1/5 is a holiday;
        // 2/9 Sat takes Fri 1/9 as adjacent day and is compensated on Mon 4/9.
        Assert.Equal(Expected(
            ("2028-01-01", H), ("2028-01-03", C),
            ("2028-01-24", H), ("2028-01-25", H), ("2028-01-26", H), ("2028-01-27", H), ("2028-01-28", H),
            ("2028-04-04", H),
            ("2028-04-30", H), ("2028-05-01", H), ("2028-05-02", C),
            ("2028-09-01", H), ("2028-09-02", H), ("2028-09-04", C)), Actual(2028));
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Generate_TetDaysOff_MatchOfficialSeedSchedule(int year)
    {
        // The non-working weekdays around Tết must equal those of the official decision for the seeded years.
        var tet = VietnameseLunarCalendar.ToSolar(new LunarDate(year, 1, 1, false));
        bool NearTet(DateOnly d) => Math.Abs(d.DayNumber - tet.DayNumber) <= 10 && !StatutoryHolidays.IsWeekend(d);
        var official = HolidayScheduleJson.Deserialize(HolidaySeedFiles.Read(year)).Schedule!.Days;

        Assert.Equal(
            official.Where(d => NearTet(d.Date) && !d.IsWorking).Select(d => d.Date),
            StatutoryHolidays.Generate(year).Where(d => NearTet(d.Date) && !d.IsWorking).Select(d => d.Date));
    }

    [Theory]
    [InlineData("2022-02-01", 1)] // Tuesday: Monday–Friday
    [InlineData("2025-01-29", 2)] // Wednesday: Monday–Friday
    [InlineData("2024-02-10", 2)] // Saturday
    [InlineData("2023-01-22", 2)] // Sunday
    public void TetDaysBefore_ByWeekdayOfLunarNewYear_FollowsDocumentedRule(string tet, int before)
    {
        Assert.Equal(before, StatutoryHolidays.TetDaysBefore(D(tet)));
    }

    [Fact]
    public void Generate_LeapMonth3Year_UsesRegularMonth3ForHungKingsDay()
    {
        var hungKings = Assert.Single(StatutoryHolidays.Generate(2031), d => d.Description.Contains("Giỗ Tổ", StringComparison.Ordinal));

        Assert.Equal(D("2031-04-01"), hungKings.Date);
        Assert.NotEqual(hungKings.Date, VietnameseLunarCalendar.ToSolar(new LunarDate(2031, 3, 10, true)));
    }

    [Fact]
    public void Generate_ByDefault_HasElevenHolidaysAndNoVietnameseCultureDay()
    {
        for (var year = 2024; year <= 2040; year++)
        {
            var days = StatutoryHolidays.Generate(year);
            Assert.Equal(11, days.Count(d => d.Kind == DayKind.Holiday));
            Assert.DoesNotContain(days, d => d.Date == new DateOnly(year, 11, 24));
            Assert.All(days.Where(d => d.Kind == DayKind.CompensatoryOff), d => Assert.False(StatutoryHolidays.IsWeekend(d.Date)));
            Assert.Equal(days.Count, days.Select(d => d.Date).Distinct().Count());
        }
    }

    [Fact]
    public void Generate_WithVietnameseCultureDay_AddsItFromEffectiveDateWithCompensation()
    {
        IReadOnlyCollection<AdditionalHoliday> extra = [AdditionalHoliday.VietnameseCultureDay(D("2027-01-01"))];

        Assert.DoesNotContain(StatutoryHolidays.Generate(2026, extra), d => d.Date == D("2026-11-24"));
        Assert.Contains(StatutoryHolidays.Generate(2027, extra), d => d == new CalendarDay(D("2027-11-24"), DayKind.Holiday, "Ngày Văn hóa Việt Nam"));

        Assert.Equal(DayOfWeek.Saturday, D("2029-11-24").DayOfWeek);
        var days2029 = StatutoryHolidays.Generate(2029, extra);
        Assert.Contains(days2029, d => d.Date == D("2029-11-26") && d.Kind == DayKind.CompensatoryOff);
    }

    [Theory]
    [InlineData("2024-09-02", "2024-09-03")] // Monday
    [InlineData("2025-09-02", "2025-09-01")] // Tuesday
    [InlineData("2026-09-02", "2026-09-01")] // Wednesday (as decided for 2026)
    [InlineData("2027-09-02", "2027-09-03")] // Thursday
    [InlineData("2022-09-02", "2022-09-01")] // Friday
    [InlineData("2023-09-02", "2023-09-01")] // Saturday
    [InlineData("2029-09-02", "2029-09-03")] // Sunday
    public void NationalDayAdjacentDay_EachWeekday_PicksDocumentedSide(string nationalDay, string adjacent)
    {
        Assert.Equal(D(adjacent), StatutoryHolidays.NationalDayAdjacentDay(D(nationalDay)));
    }

    [Fact]
    public void Generate_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StatutoryHolidays.Generate(1899));
        Assert.Throws<ArgumentOutOfRangeException>(() => StatutoryHolidays.Generate(2200));
        Assert.NotEmpty(StatutoryHolidays.Generate(1900));
        Assert.NotEmpty(StatutoryHolidays.Generate(2199));
    }
}
