using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Domain.ParIndex;
using MotCua.Domain.Reports;
using MotCua.Domain.ServiceIndex;
using MotCua.Domain.Units;
using MotCua.Persistence;
using MotCua.Web.Features.ParIndex;
using MotCua.Web.Features.ServiceIndex;
using MotCua.Web.Features.Surveys;

namespace MotCua.Web.Features.Reports.Cchc;

/// <summary>The figures of a CCHC report, as frozen into it (JSON in <see cref="CchcReport.Figures"/>). Every figure is
/// read from the code that already computes it (see <see cref="CchcFigureReader"/>); nothing is counted here.</summary>
/// <param name="Version">The format (<see cref="CurrentVersion"/>).</param>
/// <param name="UnitName">The reporting unit's name when read.</param>
/// <param name="UnitsIncluded">How many units (the unit and its child units) the figures cover.</param>
/// <param name="From">The period's first day.</param>
/// <param name="To">The period's last day.</param>
/// <param name="PeriodRule">The period's rule code.</param>
/// <param name="Dossiers">Biểu 06's subtotal per procedure level and its total, with the on-time rate of each.</param>
/// <param name="Pakn">The PAKN report's total line.</param>
/// <param name="ServiceIndex">The 766 scorecard of the period (null when it cannot be computed).</param>
/// <param name="ServiceIndexNote">Why the scorecard could not be computed.</param>
/// <param name="Survey">The unit's SIPAS result of the latest published survey campaign of the year, if any.</param>
/// <param name="Par">The unit's PAR Index result under the latest issued framework of its level, if any.</param>
/// <param name="Commitment">The unit's commitment under that framework, if any.</param>
/// <param name="Remediation">The unit's remediation plan progress, if any.</param>
public sealed record CchcFigures(
    int Version, string UnitName, int UnitsIncluded, DateOnly From, DateOnly To, string PeriodRule,
    IReadOnlyList<CchcDossierLine> Dossiers, CchcPaknFigures Pakn, CchcServiceIndexFigures? ServiceIndex, string? ServiceIndexNote,
    CchcSurveyFigures? Survey, CchcParFigures? Par, CchcCommitmentFigures? Commitment, CchcRemediationFigures? Remediation)
{
    /// <summary>The figures' format; raise it when a field changes meaning.</summary>
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CchcFigures FromJson(string json) =>
        JsonSerializer.Deserialize<CchcFigures>(json, Json) ?? throw new InvalidOperationException("Empty CCHC report figures.");
}

/// <summary>One procedure level of Biểu 06 (<c>level</c>) or its total (<c>total</c>): to handle (col. 3), carried over
/// (col. 6), received in the period online and in person or by post (col. 4, 5), finished early, on time and late
/// (col. 8–10), in progress and overdue (col. 11, 13), and the on-time rate (<see cref="OneStopReport.OnTimeRate"/>).</summary>
public sealed record CchcDossierLine(
    string Kind, string? Level, string Label, int ToHandle, int CarriedOver, int Online, int InPersonOrPostal, int Finished, int Early, int OnTime,
    int Late, int InProgress, int Overdue, decimal OnTimeRate);

/// <summary>The PAKN report's total (<see cref="PaknReport"/>'s columns of the same names).</summary>
public sealed record CchcPaknFigures(int ToHandle, int CarriedOver, int Received, int Handled, int HandledOnTime, int HandledLate, int Published, int Open,
    int OpenOverdue);

/// <summary>The 766 scorecard of the period: its set, label, total points over the maximum (as
/// <see cref="ParSystemFigures"/> gives <c>serviceindex.total_percent</c>), and the indicators of groups 4 (digitisation,
/// electronic results) and 5 (PAKN, satisfaction).</summary>
public sealed record CchcServiceIndexFigures(string SetVersion, string PeriodLabel, decimal TotalPoints, decimal MaxPoints, decimal? Percent,
    IReadOnlyList<CchcIndicator> Indicators);

/// <summary>One indicator row of the scorecard as the portal shows it.</summary>
public sealed record CchcIndicator(string Id, string Name, string Source, long? Numerator, long? Denominator, decimal? Ratio, decimal? Points, decimal MaxPoints);

/// <summary>The SIPAS overall index of the unit in a published campaign (95 % interval; withheld when too few answered).</summary>
public sealed record CchcSurveyFigures(Guid CampaignId, string Campaign, int Year, int? Respondents, decimal? Value, decimal? Lower, decimal? Upper, bool Suppressed);

/// <summary>The unit's PAR Index result under a framework: the assessment's status, its final score
/// (<see cref="ParUnitAssessment.ScoreFinal"/>, once submitted) and its rank among the units of the framework with a final
/// score (<see cref="ParRanking"/>).</summary>
public sealed record CchcParFigures(Guid FrameworkId, string Framework, int Year, string Level, string Status, decimal? Total, decimal? ApplicableMax,
    decimal? Percentage, string? Band, int? Rank, int Ranked);

/// <summary>The unit's commitment and its standing per area (<see cref="ParCommitmentProgress"/>, on the same basis as the
/// commitment board).</summary>
public sealed record CchcCommitmentFigures(string Status, string Basis, int Met, int NotMet, IReadOnlyList<CchcCommitmentArea> Areas);

public sealed record CchcCommitmentArea(string Area, string Name, decimal Target, decimal? Percent, bool? Met, decimal? Gap);

/// <summary>A remediation plan's progress (kế hoạch khắc phục; issue 11 §6): items in all, done, overdue.</summary>
public sealed record CchcRemediationFigures(Guid PlanId, string Status, int Items, int Done, int Overdue);

/// <summary>Reads a CCHC report's figures for a unit (with its child units) and a period from the code that already
/// computes each of them: Biểu 06 (<see cref="Form06Report"/>, from the kept statistics) per procedure level, the PAKN report
/// (<see cref="PaknReport"/>), the 766 scorecard (<see cref="ScorecardEvaluator"/>, as <see cref="ParSystemFigures"/> reads
/// it), the published SIPAS results (<see cref="SurveyResults"/>), the PAR Index final score and ranking
/// (<see cref="ParUnitAssessment.ScoreFinal"/>, <see cref="ParRanking"/>), the commitment progress
/// (<see cref="ParCommitmentProgress"/>) and the remediation plan (<see cref="RemediationAsync"/>). The caller is already
/// authorised.</summary>
public sealed class CchcFigureReader(
    AppDbContext db, Form06Report.Handler form06, StandardReports reports, ScorecardEvaluator scorecards, SurveyResults.Handler surveys)
{
    public async Task<CchcFigures> ReadAsync(Guid unitId, ReportPeriod period, CancellationToken ct)
    {
        var units = await db.OrganisationalUnits.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.Level, u.Name }).ToListAsync(ct);
        var parentOf = units.ToDictionary(u => u.Id, u => u.ParentId);
        var resolved = new ReportScope.Resolved(unitId, [.. UnitAuthorization.SubtreeOf(unitId, parentOf)], period);

        var form = await form06.ComputeAsync(resolved, ct);
        var dossiers = form.Rows.Where(r => r.Kind == "level").Append(form.Total)
            .Select(r => new CchcDossierLine(r.Kind, r.Level, r.Label, r.Total, r.CarriedOver, r.Online, r.InPersonOrPostal, r.Finished, r.Early, r.OnTime,
                r.Late, r.InProgress, r.Overdue, OneStopReport.OnTimeRate(r.Total, r.Late, r.Overdue)))
            .ToList();

        var paknReport = reports.Find(PaknReport.Code) ?? throw new InvalidOperationException("The PAKN report is not registered.");
        var pakn = await paknReport.ComputeAsync(resolved, ct);
        var paknTotal = pakn.IsSuccess ? pakn.Value.Total.Values : [.. paknReport.Columns.Select(_ => 0m)];
        int P(string column) => (int)paknTotal[paknReport.Columns.ToList().IndexOf(column)];
        var paknFigures = new CchcPaknFigures(P("total"), P("carriedOver"), P("received"), P("handled"), P("handledOnTime"), P("handledLate"), P("published"),
            P("open"), P("openOverdue"));

        var (serviceIndex, note) = await ServiceIndexAsync(unitId, period, ct);
        var unit = units.Single(u => u.Id == unitId);
        var province = unit.Level == UnitLevel.Province ? unit.Id : UnitAuthorization.AncestorsOf(unitId, parentOf)
            .FirstOrDefault(a => units.Any(u => u.Id == a && u.Level == UnitLevel.Province));
        var survey = await SurveyAsync(unitId, period, ct);
        var (par, commitment) = await ParAsync(unitId, unit.Level, province, period.To.Year, ct);
        var remediation = await RemediationAsync(unitId, period, ct);
        return new CchcFigures(CchcFigures.CurrentVersion, unit.Name, resolved.Units.Count, period.From, period.To, period.Code, dossiers, paknFigures,
            serviceIndex, note, survey, par, commitment, remediation);
    }

    /// <summary>The unit's latest remediation plan (kế hoạch khắc phục, issue 11 §6) made under a framework of the report's
    /// year or before (a plan carries out last year's results in this one), with its progress on the period's last day.</summary>
    private async Task<CchcRemediationFigures?> RemediationAsync(Guid unitId, ReportPeriod period, CancellationToken ct)
    {
        var year = period.To.Year;
        var plan = await (from p in db.ParRemediationPlans.AsNoTracking()
                          join f in db.ParFrameworks.AsNoTracking() on p.FrameworkId equals f.Id
                          where p.UnitId == unitId && f.Year <= year
                          orderby f.Year descending, p.CreatedAt descending
                          select p).FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }

        var rollup = plan.Rollup(period.To);
        return new CchcRemediationFigures(plan.Id, plan.Status.ToString(), rollup.Items, rollup.Done, rollup.Overdue);
    }

    /// <summary>The 766 scorecard of the period: the portal's quarter or year for a calendar quarter or year, any other period
    /// as a local range (domain.md §8.3).</summary>
    private async Task<(CchcServiceIndexFigures? Figures, string? Note)> ServiceIndexAsync(Guid unitId, ReportPeriod period, CancellationToken ct)
    {
        var scorecardPeriod = period.Rule switch
        {
            PeriodRule.CalendarQuarter => ScorecardPeriod.Quarter(period.To.Year, (period.To.Month + 2) / 3),
            PeriodRule.CalendarYear => ScorecardPeriod.Year(period.To.Year),
            _ => ScorecardPeriod.Range(period.From, period.To),
        };
        var evaluated = await scorecards.EvaluateAsync(unitId, scorecardPeriod, ct);
        if (evaluated.IsFailure)
        {
            return (null, evaluated.Error.Message);
        }

        var card = evaluated.Value.Scorecard;
        var total = ParSystemFigures.Figure(card, "serviceindex.total_percent", scorecardPeriod);
        var indicators = card.Rows.Where(r => r.Definition.Id.StartsWith("4.", StringComparison.Ordinal) || r.Definition.Id.StartsWith("5.", StringComparison.Ordinal))
            .Select(r => new CchcIndicator(r.Definition.Id, r.Definition.Name, r.Source.ToString(), r.Score?.Numerator, r.Score?.Denominator,
                r.Score is { Denominator: > 0 } s ? s.PresentedRatio : null, r.Points, r.MaxPoints))
            .ToList();
        return (new CchcServiceIndexFigures(card.Set.Version, scorecardPeriod.Label, card.TotalPoints, card.MaxPoints, total?.Percent, indicators), null);
    }

    /// <summary>The unit's overall SIPAS index in the latest campaign of the report's year published by the period's end.</summary>
    private async Task<CchcSurveyFigures?> SurveyAsync(Guid unitId, ReportPeriod period, CancellationToken ct)
    {
        var end = period.To.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
        var campaigns = await db.SurveyCampaigns.AsNoTracking()
            .Where(c => c.Status == SurveyCampaignStatus.Published && c.Year == period.To.Year && c.PublishedAt <= end)
            .ToListAsync(ct);
        var campaign = campaigns.Where(c => c.Unit(unitId) is not null).OrderByDescending(c => c.PublishedAt).FirstOrDefault();
        if (campaign is null)
        {
            return null;
        }

        var results = await surveys.ComputeAsync(campaign, ct);
        var row = results.Rows.FirstOrDefault(r => r.UnitId == unitId && r.GroupDimension is null && r.Factor == nameof(SurveyFactor.Overall));
        return new CchcSurveyFigures(campaign.Id, campaign.Name, campaign.Year, row?.N, row?.Value, row?.Lower, row?.Upper, row?.Suppressed ?? true);
    }

    /// <summary>The latest issued framework of the province for the unit's level (a department's or a commune's) up to the
    /// report's year; the unit's final result and rank under it, and its commitment.</summary>
    private async Task<(CchcParFigures? Par, CchcCommitmentFigures? Commitment)> ParAsync(
        Guid unitId, UnitLevel unitLevel, Guid province, int year, CancellationToken ct)
    {
        ParLevel? level = unitLevel switch
        {
            UnitLevel.ProvincialDepartment => ParLevel.Department,
            UnitLevel.Commune => ParLevel.Commune,
            _ => null,
        };
        if (level is null || province == Guid.Empty)
        {
            return (null, null);
        }

        var framework = (await db.ParFrameworks.AsNoTracking()
                .Where(f => f.ProvinceUnitId == province && f.Level == level && f.Status == ParFrameworkStatus.Issued && f.Year <= year)
                .ToListAsync(ct))
            .OrderByDescending(f => f.Year).ThenByDescending(f => f.Version).FirstOrDefault();
        if (framework is null)
        {
            return (null, null);
        }

        var assessments = await db.ParAssessments.AsNoTracking().Where(a => a.FrameworkId == framework.Id).ToListAsync(ct);
        var finals = assessments.Where(a => a.Status != ParAssessmentStatus.Draft)
            .Select(a => (Unit: a.UnitId, Result: a.ScoreFinal(framework).Result)).ToList();
        var ranks = ParRanking.Rank(finals.Select(f => (f.Unit.ToString(), f.Result?.Percentage)));
        var own = assessments.FirstOrDefault(a => a.UnitId == unitId);
        var final = finals.FirstOrDefault(f => f.Unit == unitId).Result;
        var par = new CchcParFigures(framework.Id, framework.Name, framework.Year, framework.Level.ToString(), own?.Status.ToString() ?? "NotOpened",
            final?.Total, final?.ApplicableMax, final?.Percentage, final?.Band?.Label, ranks.FirstOrDefault(r => r.Unit == unitId.ToString())?.Rank,
            ranks.Count(r => r.Rank is not null));

        var commitment = await db.ParCommitments.AsNoTracking().SingleOrDefaultAsync(c => c.FrameworkId == framework.Id && c.UnitId == unitId, ct);
        if (commitment is null)
        {
            return (par, null);
        }

        var (basis, result) = Commitments.Handler.Basis(own, framework);
        var names = ParCommitment.CommittedAreas(framework).ToDictionary(a => a.Code, a => a.Name, StringComparer.Ordinal);
        var areas = ParCommitmentProgress.Evaluate(commitment.Targets, result)
            .Select(p => new CchcCommitmentArea(p.Area, names.GetValueOrDefault(p.Area, p.Area), p.Target, p.Percent, p.Met, p.Gap)).ToList();
        return (par, new CchcCommitmentFigures(commitment.Status.ToString(), basis, areas.Count(a => a.Met == true), areas.Count(a => a.Met == false), areas));
    }
}
