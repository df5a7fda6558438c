using MotCua.Domain.Common;

namespace MotCua.Domain.Reports;

/// <summary>How a report's period was chosen (domain.md §12.2): calendar periods, as DVCQG computes (QĐ 766), the data
/// cut-off periods of Nghị định 09/2019/NĐ-CP Art. 12 for state administrative reports, or any range of days. Every
/// report states the rule it used.</summary>
public enum PeriodRule
{
    /// <summary>Any range of days, first and last day given.</summary>
    Range,

    /// <summary>A calendar month: the 1st to the month's last day.</summary>
    CalendarMonth,

    /// <summary>A calendar quarter: 1/1–31/3, 1/4–30/6, 1/7–30/9, 1/10–31/12.</summary>
    CalendarQuarter,

    /// <summary>The first six calendar months: 1/1–30/6.</summary>
    CalendarSixMonths,

    /// <summary>The first nine calendar months: 1/1–30/9.</summary>
    CalendarNineMonths,

    /// <summary>A calendar year: 1/1–31/12.</summary>
    CalendarYear,

    /// <summary>ND 09/2019 Art. 12 month: the 15th of the previous month to the 14th of the report month.</summary>
    Nd09Month,

    /// <summary>ND 09/2019 Art. 12 quarter: Q1 15/12 of the previous year to 14/03; other quarters the 15th of the last
    /// month of the previous quarter to the 14th of the quarter's last month.</summary>
    Nd09Quarter,

    /// <summary>ND 09/2019 Art. 12 six months: 15/12 of the previous year to 14/06.</summary>
    Nd09SixMonths,

    /// <summary>ND 09/2019 Art. 12 nine months: 15/12 of the previous year to 14/09.</summary>
    Nd09NineMonths,

    /// <summary>ND 09/2019 Art. 12 year: 15/12 of the previous year to 14/12.</summary>
    Nd09Year,
}

/// <summary>A report's period: its rule and its first and last day (both inclusive, Vietnam business dates).</summary>
/// <param name="Rule">How the period was chosen.</param>
/// <param name="From">The first day.</param>
/// <param name="To">The last day.</param>
public readonly record struct ReportPeriod(PeriodRule Rule, DateOnly From, DateOnly To)
{
    /// <summary>First year a period may fall in.</summary>
    public const int MinYear = 2000;

    /// <summary>Last year a period may fall in.</summary>
    public const int MaxYear = 2100;

    // ND 09/2019 Art. 12: the data of a period runs from the 15th of one month to the 14th of the next.
    private const int CutOffDay = 14;

    /// <summary>The stable codes the API takes (<c>period=nd09-month</c>), by rule.</summary>
    public static IReadOnlyDictionary<PeriodRule, string> Codes { get; } = new Dictionary<PeriodRule, string>
    {
        [PeriodRule.Range] = "range",
        [PeriodRule.CalendarMonth] = "calendar-month",
        [PeriodRule.CalendarQuarter] = "calendar-quarter",
        [PeriodRule.CalendarSixMonths] = "calendar-6-months",
        [PeriodRule.CalendarNineMonths] = "calendar-9-months",
        [PeriodRule.CalendarYear] = "calendar-year",
        [PeriodRule.Nd09Month] = "nd09-month",
        [PeriodRule.Nd09Quarter] = "nd09-quarter",
        [PeriodRule.Nd09SixMonths] = "nd09-6-months",
        [PeriodRule.Nd09NineMonths] = "nd09-9-months",
        [PeriodRule.Nd09Year] = "nd09-year",
    };

    /// <summary>The rule's code, e.g. <c>nd09-quarter</c>.</summary>
    public string Code => Codes[Rule];

    /// <summary>Whether the rule is one of ND 09/2019's cut-off periods.</summary>
    public bool IsNd09 => Rule is >= PeriodRule.Nd09Month;

    /// <summary>The number of days in the period.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The rule whose code is <paramref name="code"/>, or null.</summary>
    public static PeriodRule? RuleOf(string? code) =>
        Codes.Where(c => string.Equals(c.Value, code, StringComparison.OrdinalIgnoreCase)).Select(c => (PeriodRule?)c.Key).FirstOrDefault();

    /// <summary>Whether <paramref name="rule"/> needs a month (1–12) or a quarter (1–4) besides the year.</summary>
    public static string? NumberNeeded(PeriodRule rule) => rule switch
    {
        PeriodRule.CalendarMonth or PeriodRule.Nd09Month => "month",
        PeriodRule.CalendarQuarter or PeriodRule.Nd09Quarter => "quarter",
        _ => null,
    };

    /// <summary>Any range of days.</summary>
    public static Result<ReportPeriod> Range(DateOnly from, DateOnly to) =>
        from.Year is < MinYear or > MaxYear || to.Year is < MinYear or > MaxYear
            ? new InvalidReportPeriod(from.Year is < MinYear or > MaxYear ? "from" : "to", YearsMessage())
            : to < from
                ? new InvalidReportPeriod("to", new FieldMessage("period.order", "Ngày kết thúc không được trước ngày bắt đầu."))
                : new ReportPeriod(PeriodRule.Range, from, to);

    /// <summary>The period of <paramref name="rule"/> for a report year and, for months and quarters, the month (1–12) or
    /// quarter (1–4) <paramref name="number"/>; for an ND 09 rule the year is the one the period ends in.</summary>
    public static Result<ReportPeriod> Of(PeriodRule rule, int year, int? number)
    {
        if (rule == PeriodRule.Range || !Enum.IsDefined(rule))
        {
            return UnknownRule;
        }

        if (year is < MinYear or > MaxYear)
        {
            return new InvalidReportPeriod("year", YearsMessage());
        }

        var needed = NumberNeeded(rule);
        var max = needed == "month" ? 12 : 4;
        if (needed is not null && (number is null || number < 1 || number > max))
        {
            return needed == "month"
                ? new InvalidReportPeriod("month", new FieldMessage("period.month", "Chọn tháng từ 1 đến 12."))
                : new InvalidReportPeriod("quarter", new FieldMessage("period.quarter", "Chọn quý từ 1 đến 4."));
        }

        var k = number ?? 0;
        var (from, to) = rule switch
        {
            PeriodRule.CalendarMonth => (new DateOnly(year, k, 1), new DateOnly(year, k, 1).AddMonths(1).AddDays(-1)),
            PeriodRule.CalendarQuarter => (new DateOnly(year, 3 * k - 2, 1), new DateOnly(year, 3 * k - 2, 1).AddMonths(3).AddDays(-1)),
            PeriodRule.CalendarSixMonths => (new DateOnly(year, 1, 1), new DateOnly(year, 6, 30)),
            PeriodRule.CalendarNineMonths => (new DateOnly(year, 1, 1), new DateOnly(year, 9, 30)),
            PeriodRule.CalendarYear => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)),
            PeriodRule.Nd09Month => Nd09(year, k, months: 1),
            PeriodRule.Nd09Quarter => Nd09(year, 3 * k, months: 3),
            PeriodRule.Nd09SixMonths => Nd09(year, 6, months: 6),
            PeriodRule.Nd09NineMonths => Nd09(year, 9, months: 9),
            _ => Nd09(year, 12, months: 12),
        };
        return new ReportPeriod(rule, from, to);
    }

    // ND 09/2019 Art. 12: a period of `months` months that ends on the 14th of `lastMonth` starts on the 15th of the month
    // `months` months before it (15/12 of the previous year for Q1, six and nine months, and the year).
    private static (DateOnly From, DateOnly To) Nd09(int year, int lastMonth, int months)
    {
        var to = new DateOnly(year, lastMonth, CutOffDay);
        return (to.AddMonths(-months).AddDays(1), to);
    }

    /// <summary>No rule, or one this system does not know, was chosen.</summary>
    public static InvalidReportPeriod UnknownRule { get; } = new("period", new FieldMessage("period.rule", "Chọn cách tính kỳ báo cáo."));

    private static FieldMessage YearsMessage() => new("period.years", "Kỳ phải nằm trong các năm 2000–2100.");
}

/// <summary>A report period that cannot be made (<c>report.period</c>): the field at fault and why.</summary>
/// <param name="Field">The input at fault: <c>period</c>, <c>year</c>, <c>month</c>, <c>quarter</c>, <c>from</c> or <c>to</c>.</param>
/// <param name="Detail">Why, translatable.</param>
public sealed record InvalidReportPeriod(string Field, FieldMessage Detail)
    : Error("report.period", Detail?.Text ?? ""), ITranslatableError;
