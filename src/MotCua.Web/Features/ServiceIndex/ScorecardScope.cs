using System.Security.Claims;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.ServiceIndex;
using MotCua.Web.Api;
using MotCua.Web.Features.Reports;

namespace MotCua.Web.Features.ServiceIndex;

/// <summary>The unit and period of every scorecard read: <c>year</c> with <c>month</c> or <c>quarter</c> (or neither: the
/// year), as the portal computes them (domain.md §8.2), or <c>from</c>/<c>to</c> for any range (local use only, §8.3);
/// nothing means the current month. Authorised exactly like the feedback rates and Biểu 06 (<see cref="UnitPeriodQuery"/>:
/// the caller may read the unit's dossiers), and the unit includes its child units.</summary>
public sealed class ScorecardScope(UnitPeriodQuery query, TimeProvider clock)
{
    /// <summary>Longest period asked at once.</summary>
    public const int MaxDays = 5 * 366;

    /// <summary>The resolved unit and its subtree, and the period.</summary>
    public sealed record Resolved(Guid UnitId, HashSet<Guid> Units, ScorecardPeriod Period);

    public async Task<Result<Resolved>> ResolveAsync(
        Guid? unit, int? year, int? quarter, int? month, DateOnly? from, DateOnly? to, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Period(year, quarter, month, from, to, out var calendar) is { } invalid)
        {
            return invalid;
        }

        var scope = await query.ResolveAsync(unit, calendar?.First ?? from, calendar?.Last ?? to, MaxDays, user, ct);
        if (scope.IsFailure)
        {
            return scope.Error;
        }

        var (unitId, units, first, last) = scope.Value;
        return new Resolved(unitId, units, calendar ?? (from is null && to is null ? ScorecardPeriod.Month(first.Year, first.Month) : ScorecardPeriod.Range(first, last)));
    }

    // A calendar period from year/quarter/month; none for a range (or the default month), left to UnitPeriodQuery.
    private static ValidationFailed? Period(int? year, int? quarter, int? month, DateOnly? from, DateOnly? to, out ScorecardPeriod? period)
    {
        period = null;
        if (year is null)
        {
            return quarter is null && month is null
                ? null
                : ValidationFailed.One("year", new FieldMessage("serviceindex.year_required", "Chọn năm của kỳ."));
        }

        if (from is not null || to is not null)
        {
            return ValidationFailed.One("from", new FieldMessage("serviceindex.period_either", "Chọn năm (quý, tháng) hoặc khoảng ngày, không cả hai."));
        }

        if (year is < 2000 or > 2100)
        {
            return ValidationFailed.One("year", new FieldMessage("period.years", "Kỳ phải nằm trong các năm 2000–2100."));
        }

        if (quarter is not null && month is not null)
        {
            return ValidationFailed.One("month", new FieldMessage("serviceindex.quarter_or_month", "Chọn quý hoặc tháng, không cả hai."));
        }

        if (quarter is not (null or (>= 1 and <= 4)))
        {
            return ValidationFailed.One("quarter", new FieldMessage("serviceindex.quarter", "Quý phải từ 1 đến 4."));
        }

        if (month is not (null or (>= 1 and <= 12)))
        {
            return ValidationFailed.One("month", new FieldMessage("serviceindex.month", "Tháng phải từ 1 đến 12."));
        }

        period = month is { } m ? ScorecardPeriod.Month(year.Value, m)
            : quarter is { } q ? ScorecardPeriod.Quarter(year.Value, q)
            : ScorecardPeriod.Year(year.Value);
        return null;
    }

    /// <summary>Today's Vietnam date (the page's default year).</summary>
    public DateOnly Today => VietnamTime.Today(clock);
}
