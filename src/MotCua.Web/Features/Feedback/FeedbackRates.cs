using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Feedback;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Domain.ServiceIndex;
using MotCua.Persistence;
using MotCua.Persistence.Statistics;
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
/// ended after the current appointment, or marked late by a repeated supplement). Their counts come from the kept
/// statistics, which follow a transition within seconds. The formulas, maxima and zero-denominator
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

    /// <summary>The domain rates with the ids counted against each, and the tracking codes and dossier codes of those ids.
    /// The dossier rate (5.4) is counted from the statistics; the dossiers against it are in <c>DossierLosses</c>: how
    /// many, and the first of them when asked for (a province-year has tens of thousands: page them with
    /// <see cref="Handler.DossierLossPageAsync"/>).</summary>
    public sealed record Computed(
        PaknRate PaknOnTime, PaknRate PaknSatisfaction, PaknRate DossierSatisfaction, PaknRate PaknHandling, PaknRate Index8,
        ClassificationCounts Classification, IReadOnlyDictionary<Guid, string> Codes, DossierLosses DossierLosses);

    /// <summary>The dossiers counted against 766 §5.4: <c>Total</c> (a dossier both late and disliked once), and the
    /// <c>First</c> of them in (received, id) order.</summary>
    public sealed record DossierLosses(int Total, IReadOnlyList<Guid> First);

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
        /// <summary>The rates of a unit the user may read; <c>listed</c>: how many of the dossiers against 5.4 to list
        /// (the PAKN lists are whole, up to <see cref="MaxListed"/>), 0 when only the figures are wanted.</summary>
        public async Task<Result<RatesView>> Handle(
            Guid? unit, DateOnly? from, DateOnly? to, ClaimsPrincipal user, CancellationToken ct, int listed = MaxListed)
        {
            var scope = await query.ResolveAsync(unit, from, to, MaxDays, user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var (unitId, units, first, last) = scope.Value;
            var computed = await ComputeAsync(units, first, last, ct, listed);
            if (computed.IsFailure)
            {
                return computed.Error;
            }

            var c = computed.Value;
            return new RatesView(
                unitId, first, last, units.Count,
                View(c.PaknOnTime, c.Codes), View(c.PaknSatisfaction, c.Codes), View(c.DossierSatisfaction, c.DossierLosses, c.Codes),
                View(c.PaknHandling, c.Codes), View(c.Index8, c.Codes), c.Classification);
        }

        /// <summary>The rates of <paramref name="units"/> (already authorised) over the period, with the ids counted
        /// against each and their codes: the 766 scorecard scores group 6 and lists its losses from these.
        /// <c>listedDossiers</c>: how many of the dossiers against 5.4 to list in <see cref="Computed.DossierLosses"/>.</summary>
        public async Task<Result<Computed>> ComputeAsync(HashSet<Guid> units, DateOnly first, DateOnly last, CancellationToken ct, int listedDossiers = 0)
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
            var (dossiers, losses, dossierCodes) = await DossierSatisfactionAsync(units, period, first, last, set, listedDossiers, ct);
            foreach (var (id, code) in dossierCodes)
            {
                codes[id] = code;
            }

            return new Computed(
                PaknRates.OnTime(facts, set), PaknRates.Satisfaction(facts, set), dossiers, PaknRates.Handling(facts), PaknRates.Index8(facts),
                Classification([.. cases.Where(c => receivedInPeriod.Contains(c.Id))]), codes, losses);
        }

        /// <summary>The cases of <paramref name="units"/> (by handling unit) that can count in the period — received before
        /// its end and still open, or acted on during it — with their period facts (the PAKN report counts these too).</summary>
        public async Task<Result<(List<PaknPeriodFacts> Facts, List<PaknCase> Cases)>> PaknFactsAsync(
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

        // 766 §5.4 from the kept statistics (issue 10 §5: scorecards read aggregates, not raw history): the dossiers whose
        // processing ended in the period and, among them, those late by DVCQG's test (EndedLateForDvcqg, the same test as
        // IsOnTimeForDvcqg). Only the dossiers with a dislike or a PAKN are read, from the ratings' and PAKN's side.
        private async Task<(PaknRate Rate, DossierLosses Losses, Dictionary<Guid, string> Codes)> DossierSatisfactionAsync(
            HashSet<Guid> units, PaknPeriod period, DateOnly first, DateOnly last, IndicatorSet set, int listed, CancellationToken ct)
        {
            var flow = await StatisticsReader.FlowAsync(db, units, first, last, ct);
            // Dislikes from the ratings alone (each keeps its dossier's end and lateness), counted by lateness; then the
            // PAKN naming an ended dossier without a dislike (few), so a dossier with both counts once.
            var disliked = db.SatisfactionRatings.AsNoTracking().Where(SatisfactionRating.Disliked)
                .Where(r => units.Contains(r.CompetentUnitId) && r.DossierEndedAt >= period.StartUtc && r.DossierEndedAt < period.EndUtc);
            var byLateness = await disliked.GroupBy(r => r.DossierLateForDvcqg).Select(g => new { Late = g.Key, Count = g.Count() }).ToListAsync(ct);
            var named = EndedIn(units, period)
                .Where(d => db.PaknCases.Any(p => p.DossierId == d.Id) && !disliked.Any(r => r.DossierId == d.Id));
            var namedCount = await named.CountAsync(ct);
            var namedLate = await named.Where(Domain.Dossiers.Dossier.EndedLateForDvcqg).CountAsync(ct);
            var complainedCount = byLateness.Sum(g => g.Count) + namedCount;
            var complainedOnTime = byLateness.Where(g => !g.Late).Sum(g => g.Count) + namedCount - namedLate;
            // The statistics follow a transition within seconds (the queue); until then a just-ended dossier with a
            // dislike may not be counted yet, and the parts may not exceed the whole.
            var ended = Math.Max(flow.Ended, complainedCount);
            var late = Math.Min(flow.EndedLateForDvcqg, ended);
            var rate = PaknRates.DossierSatisfaction(ended, late, complainedCount, set);
            var total = late + complainedOnTime;
            var codes = new Dictionary<Guid, string>();
            var listedLosses = listed > 0 ? await DossierLossPageAsync(units, period, 0, listed, ct) : [];
            foreach (var (id, code) in listedLosses)
            {
                codes[id] = code;
            }

            return (rate, new DossierLosses(total, [.. listedLosses.Select(l => l.Id)]), codes);
        }

        /// <summary>A page of the dossiers counted against 766 §5.4 in the period (late by DVCQG's test, or with a dislike
        /// or a PAKN), in (received, id) order, with their codes.</summary>
        public async Task<List<(Guid Id, string Code)>> DossierLossPageAsync(HashSet<Guid> units, PaknPeriod period, int skip, int take, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(period);
            var page = await EndedIn(units, period)
                .Where(Domain.Dossiers.Dossier.EndedLateForDvcqg.Or(d => Complained().Contains(d.Id)))
                .OrderBy(d => d.ReceivedAt).ThenBy(d => d.Id).Skip(skip).Take(take)
                .Select(d => new { d.Id, d.Code }).ToListAsync(ct);
            return [.. page.Select(d => (d.Id, d.Code?.Format() ?? d.Id.ToString()))];
        }

        private IQueryable<Domain.Dossiers.Dossier> EndedIn(HashSet<Guid> units, PaknPeriod period) => db.Dossiers.AsNoTracking()
            .Where(d => units.Contains(d.CompetentUnitId) && d.ProcessingEndedAt >= period.StartUtc && d.ProcessingEndedAt < period.EndUtc);

        // The dossiers rated "dissatisfied" or worse, or named by a PAKN. Enums are stored as names: compare by value.
        private IQueryable<Guid> Complained() =>
            db.SatisfactionRatings.Where(SatisfactionRating.Disliked).Select(r => r.DossierId)
                .Concat(db.PaknCases.Where(p => p.DossierId != null).Select(p => p.DossierId!.Value));

        private static RateView View(PaknRate rate, IReadOnlyDictionary<Guid, string> codes) =>
            View(rate, new DossierLosses(rate.CountedAgainst.Count, rate.CountedAgainst), codes);

        private static RateView View(PaknRate rate, DossierLosses against, IReadOnlyDictionary<Guid, string> codes) => new(
            rate.Indicator, rate.Numerator, rate.Denominator, rate.PresentedPercent, rate.PresentedPoints, rate.MaxPoints, rate.NoData,
            against.Total, [.. against.First.Take(MaxListed).Select(id => codes.GetValueOrDefault(id) ?? id.ToString())]);

        private static ClassificationCounts Classification(List<PaknCase> cases) => new(
            cases.Count,
            cases.Count(c => c.Classification == PaknClassification.Regulation),
            cases.Count(c => c.Classification == PaknClassification.StaffConduct),
            cases.Count(c => c.Classification is null));
    }
}
