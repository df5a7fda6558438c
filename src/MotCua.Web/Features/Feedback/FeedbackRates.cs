using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Feedback;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Domain.ServiceIndex;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Pakn;
using MotCua.Web.Features.Reports;

namespace MotCua.Web.Features.Feedback;

/// <summary>GET /api/v1/feedback/rates?unit&amp;from&amp;to: the citizen-voice rates of a unit and period (issue 9 §4), the
/// inputs of 766 group 6 and of the reports: PAKN on time (§5.2), satisfaction in PAKN handling (§5.3), satisfaction in
/// receiving and handling dossiers (§5.4), the local handling rate, TT 01/2018 index 8, and the §5.1 classification
/// counts. Each rate lists the PAKN (tracking codes) or dossiers (codes) that count against it.</summary>
/// <remarks>A unit includes its child units (domain.md §8.3: a province includes its departments and communes; a commune
/// has no children). PAKN are the unit's by their handling unit, dossiers by their competent unit. Dossiers are those
/// whose processing ended in the period; late means DVCQG's test (<see cref="Domain.Dossiers.Dossier.IsOnTimeForDvcqg"/>:
/// ended after the current appointment, or marked late by a repeated supplement). The formulas, maxima and zero-denominator
/// points are the domain's (<see cref="PaknRates"/>, with the 766 indicator set in force on the period's last day).</remarks>
public static class FeedbackRates
{
    /// <summary>Longest period asked at once.</summary>
    public const int MaxDays = 3 * 366;

    /// <summary>Most ids listed per rate; the counts are always whole.</summary>
    public const int MaxListed = 500;

    public sealed record RateView(
        string Indicator, int Numerator, int Denominator, decimal? Percent, decimal Points, decimal MaxPoints, bool NoData,
        int CountedAgainstTotal, IReadOnlyList<string> CountedAgainst);

    public sealed record ClassificationCounts(int Total, int Regulation, int StaffConduct, int Unclassified);

    /// <summary>The domain rates with the ids counted against each, and the tracking codes and dossier codes of those ids.</summary>
    public sealed record Computed(
        PaknRate PaknOnTime, PaknRate PaknSatisfaction, PaknRate DossierSatisfaction, PaknRate PaknHandling, PaknRate Index8,
        ClassificationCounts Classification, IReadOnlyDictionary<Guid, string> Codes);

    public sealed record RatesView(
        Guid UnitId, DateOnly From, DateOnly To, int UnitsIncluded, RateView PaknOnTime, RateView PaknSatisfaction,
        RateView DossierSatisfaction, RateView PaknHandling, RateView Index8, ClassificationCounts Classification);

    public static RouteHandlerBuilder Map(RouteGroupBuilder api) =>
        api.MapGet("/feedback/rates", async (Guid? unit, DateOnly? from, DateOnly? to, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.Handle(unit, from, to, user, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(ApiAuth.Policy)
            .WithName("FeedbackRates")
            .WithTags("Feedback")
            .Produces<RatesView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public sealed class Handler(AppDbContext db, UnitPeriodQuery query, PaknContexts contexts)
    {
        public async Task<Result<RatesView>> Handle(Guid? unit, DateOnly? from, DateOnly? to, ClaimsPrincipal user, CancellationToken ct)
        {
            var scope = await query.ResolveAsync(unit, from, to, MaxDays, user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var (unitId, units, first, last) = scope.Value;
            var computed = await ComputeAsync(units, first, last, ct);
            if (computed.IsFailure)
            {
                return computed.Error;
            }

            var c = computed.Value;
            return new RatesView(
                unitId, first, last, units.Count,
                View(c.PaknOnTime, c.Codes), View(c.PaknSatisfaction, c.Codes), View(c.DossierSatisfaction, c.Codes),
                View(c.PaknHandling, c.Codes), View(c.Index8, c.Codes), c.Classification);
        }

        /// <summary>The rates of <paramref name="units"/> (already authorised) over the period, with the ids counted
        /// against each and their codes: the 766 scorecard scores group 6 and lists its losses from these.</summary>
        public async Task<Result<Computed>> ComputeAsync(HashSet<Guid> units, DateOnly first, DateOnly last, CancellationToken ct)
        {
            var period = PaknPeriod.FromDates(first, last);
            var set = IndicatorSetJson.Default.For(last);
            var pakn = await PaknFactsAsync(units, period, ct);
            if (pakn.IsFailure)
            {
                return pakn.Error;
            }

            var (facts, cases) = pakn.Value;
            var codes = cases.ToDictionary(c => c.Id, c => c.TrackingCode.Format());
            var receivedInPeriod = facts.Where(f => f.ReceivedInPeriod).Select(f => f.CaseId).ToHashSet();
            var (dossiers, dossierCodes) = await DossierSatisfactionAsync(units, period, set, ct);
            foreach (var (id, code) in dossierCodes)
            {
                codes[id] = code;
            }

            return new Computed(
                PaknRates.OnTime(facts, set), PaknRates.Satisfaction(facts, set), dossiers, PaknRates.Handling(facts), PaknRates.Index8(facts),
                Classification([.. cases.Where(c => receivedInPeriod.Contains(c.Id))]), codes);
        }

        // The cases that can count in the period: received before its end and still open, or acted on during it.
        private async Task<Result<(List<PaknPeriodFacts> Facts, List<PaknCase> Cases)>> PaknFactsAsync(
            HashSet<Guid> units, PaknPeriod period, CancellationToken ct)
        {
            var open = ListPakn.Open;
            var cases = await db.PaknCases.AsNoTracking().Include(c => c.History).AsSplitQuery()
                .Where(c => units.Contains(c.HandlingUnitId) && c.ClockStartedAt < period.EndUtc
                    && (open.Contains(c.Status) || c.History.Any(h => h.At >= period.StartUtc)))
                .ToListAsync(ct);
            var calculators = new Dictionary<Guid, DeadlineCalculator>();
            var facts = new List<PaknPeriodFacts>();
            foreach (var pakn in cases)
            {
                if (!calculators.TryGetValue(pakn.HandlingUnitId, out var calculator))
                {
                    calculators[pakn.HandlingUnitId] = calculator = await contexts.CalculatorAsync(pakn.HandlingUnitId, ct);
                }

                var fact = PaknPeriodFacts.For(pakn, period, contexts.Schedule, calculator);
                if (fact.IsFailure)
                {
                    return fact.Error;
                }

                if (fact.Value is { } known)
                {
                    facts.Add(known);
                }
            }

            return (facts, cases);
        }

        private async Task<(PaknRate Rate, Dictionary<Guid, string> Codes)> DossierSatisfactionAsync(
            HashSet<Guid> units, PaknPeriod period, IndicatorSet set, CancellationToken ct)
        {
            var ended = db.Dossiers.AsNoTracking()
                .Where(d => units.Contains(d.CompetentUnitId) && d.ProcessingEndedAt >= period.StartUtc && d.ProcessingEndedAt < period.EndUtc);
            var count = await ended.CountAsync(ct);
            var late = await ended.Where(d => d.MarkedLateByRepeatedSupplement || d.ProcessingEndedAt > d.CurrentAppointmentAt)
                .Select(d => new { d.Id, d.Code }).ToListAsync(ct);
            // Enums are stored as names: compare by value, never with < or >.
            var complained = await ended
                .Where(d => db.SatisfactionRatings.Any(r => r.DossierId == d.Id && (r.Overall == Satisfaction.VeryDissatisfied || r.Overall == Satisfaction.Dissatisfied))
                    || db.PaknCases.Any(p => p.DossierId == d.Id))
                .Select(d => new { d.Id, d.Code }).ToListAsync(ct);
            var rate = PaknRates.DossierSatisfaction(count, [.. late.Select(d => d.Id)], [.. complained.Select(d => d.Id)], set);
            var codes = late.Concat(complained).DistinctBy(d => d.Id).ToDictionary(d => d.Id, d => d.Code?.Format() ?? d.Id.ToString());
            return (rate, codes);
        }

        private static RateView View(PaknRate rate, IReadOnlyDictionary<Guid, string> codes) => new(
            rate.Indicator, rate.Numerator, rate.Denominator, rate.PresentedPercent, rate.PresentedPoints, rate.MaxPoints, rate.NoData,
            rate.CountedAgainst.Count, [.. rate.CountedAgainst.Take(MaxListed).Select(id => codes.GetValueOrDefault(id) ?? id.ToString())]);

        private static ClassificationCounts Classification(List<PaknCase> cases) => new(
            cases.Count,
            cases.Count(c => c.Classification == PaknClassification.Regulation),
            cases.Count(c => c.Classification == PaknClassification.StaffConduct),
            cases.Count(c => c.Classification is null));
    }
}
