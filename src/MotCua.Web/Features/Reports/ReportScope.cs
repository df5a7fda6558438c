using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Reports;
using MotCua.Web.Api;

namespace MotCua.Web.Features.Reports;

/// <summary>What a standard report is asked for: a unit and a period, given either by a rule of domain.md §12.2
/// (<c>period=nd09-month&amp;year=2026&amp;month=3</c>, <c>period=calendar-quarter&amp;year=2026&amp;quarter=2</c>,
/// <c>period=nd09-year&amp;year=2026</c>) or by <c>from</c>/<c>to</c> (a range; the current calendar month when
/// neither is given).</summary>
/// <param name="Unit">The reporting unit; its child units are included.</param>
/// <param name="Period">A rule code of <see cref="ReportPeriod.Codes"/>: <c>range</c>, <c>calendar-month</c>,
/// <c>calendar-quarter</c>, <c>calendar-6-months</c>, <c>calendar-9-months</c>, <c>calendar-year</c>, <c>nd09-month</c>,
/// <c>nd09-quarter</c>, <c>nd09-6-months</c>, <c>nd09-9-months</c>, <c>nd09-year</c>.</param>
/// <param name="Year">The report year (for an ND 09 period, the year it ends in).</param>
/// <param name="Month">1–12, for the month rules.</param>
/// <param name="Quarter">1–4, for the quarter rules.</param>
/// <param name="From">First day of a range.</param>
/// <param name="To">Last day of a range.</param>
public sealed record ReportRequest(
    Guid? Unit, [property: MaxLength(40)] string? Period, int? Year, int? Month, int? Quarter, DateOnly? From, DateOnly? To);

/// <summary>Resolves a <see cref="ReportRequest"/>: the period by its rule, then the unit and the caller's right to read it
/// (<see cref="UnitPeriodQuery"/>, the same check for every report).</summary>
public sealed class ReportScope(UnitPeriodQuery query, TimeProvider clock)
{
    /// <summary>The unit, its subtree and the period with the rule it was chosen by.</summary>
    public sealed record Resolved(Guid UnitId, HashSet<Guid> Units, ReportPeriod Period);

    public async Task<Result<Resolved>> ResolveAsync(ReportRequest request, int maxDays, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var period = PeriodOf(request, VietnamTime.Today(clock));
        if (period.IsFailure)
        {
            return period.Error is InvalidReportPeriod invalid ? ValidationFailed.One(invalid.Field, invalid.Detail) : period.Error;
        }

        var scope = await query.ResolveAsync(request.Unit, period.Value.From, period.Value.To, maxDays, user, ct);
        return scope.IsFailure ? scope.Error : new Resolved(scope.Value.UnitId, scope.Value.Units, period.Value);
    }

    private static Result<ReportPeriod> PeriodOf(ReportRequest request, DateOnly today)
    {
        if (request.Period is null or "range" || ReportPeriod.RuleOf(request.Period) == PeriodRule.Range)
        {
            if (request.Period is null && request.From is null && request.To is null)
            {
                return ReportPeriod.Of(PeriodRule.CalendarMonth, today.Year, today.Month);
            }

            var from = request.From ?? new DateOnly(today.Year, today.Month, 1);
            // A first day past the last allowed year is refused by Range; its default last day must not overflow first.
            return ReportPeriod.Range(from, request.To ?? (from.Year <= ReportPeriod.MaxYear ? from.AddMonths(1).AddDays(-1) : from));
        }

        return ReportPeriod.RuleOf(request.Period) is { } rule
            ? ReportPeriod.Of(rule, request.Year ?? today.Year, ReportPeriod.NumberNeeded(rule) == "month" ? request.Month : request.Quarter)
            : ReportPeriod.UnknownRule;
    }
}
