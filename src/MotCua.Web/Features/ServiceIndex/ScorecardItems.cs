using System.Globalization;
using System.Security.Claims;
using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Domain.ServiceIndex;
using MotCua.Persistence;
using MotCua.Persistence.ServiceIndex;
using MotCua.Web.Api;
using MotCua.Web.Features.Feedback;

namespace MotCua.Web.Features.ServiceIndex;

/// <summary>GET /api/v1/serviceindex/scorecard/{indicator}/items?unit&amp;year&amp;quarter|month (or from&amp;to)&amp;after&amp;limit:
/// the items behind the points a computed indicator lost, each linked to its page (domain.md §8.3, "explain every lost
/// point"): for 2.1 the late dossiers (<see cref="LateDossiers"/>, keyset pages), for 4.1–4.3 the dossiers short of the
/// documents the indicator asks (<see cref="DigitisationLosses"/>), for 5.2 and 5.3 the PAKN and for 5.4 the dossiers the
/// feedback rates count against (<see cref="FeedbackRates"/>, pages of the list).</summary>
public static class ScorecardItems
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 200;

    /// <summary>One item. <c>Kind</c>: dossier or pakn; <c>Link</c>: its staff page (<c>/Work/Dossier/{id}</c>,
    /// <c>/Work/Pakn/{id}</c>).</summary>
    public sealed record Item(
        Guid Id, string Kind, string? Code, string Link, string? ProcedureCode, string? ProcedureName, bool? Ended, DateTime? DueAt,
        DateTime? EndAt, int? LateWorkingDays, decimal? LateHours, string? Step, string? StepAgency, bool? RepeatedSupplement);

    /// <summary>A page of items. <c>Total</c>: how many count against the indicator in all; <c>Next</c>: the cursor of the
    /// next page (<c>after</c>), null at the end.</summary>
    public sealed record ItemsPage(string Indicator, long Total, IReadOnlyList<Item> Items, string? Next);

    public static RouteHandlerBuilder Map(RouteGroupBuilder api) =>
        api.MapGet("/serviceindex/scorecard/{indicator}/items", async (
                string indicator, Guid? unit, int? year, int? quarter, int? month, DateOnly? from, DateOnly? to, string? after, int? limit,
                ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.Handle(indicator, new GetScorecard.Query(unit, year, quarter, month, from, to), after, limit, user, ct))
                    .ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(ApiAuth.Policy)
            .WithName("ServiceIndexScorecardItems")
            .WithTags("ServiceIndex")
            .Produces<ItemsPage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public sealed class Handler(AppDbContext db, ScorecardScope scopes, LateDossiers late, DigitisationLosses digitisation, FeedbackRates.Handler rates)
    {
        public async Task<Result<ItemsPage>> Handle(
            string indicator, GetScorecard.Query q, string? after, int? limit, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(q);
            if (limit is < 1 or > MaxLimit)
            {
                return ValidationFailed.One("limit", new FieldMessage("serviceindex.limit", "Số dòng mỗi trang phải từ 1 đến {0}.", MaxLimit));
            }

            var scope = await scopes.ResolveAsync(q.Unit, q.Year, q.Quarter, q.Month, q.From, q.To, user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var (unitId, units, period) = scope.Value;
            var id = IndicatorSetJson.Default.For(period.Last).Find(indicator)?.Id;
            if (id is null || !GetScorecard.Listed.Contains(id))
            {
                return new NotFoundError($"danh sách của chỉ số {indicator}");
            }

            var size = limit ?? DefaultLimit;
            return id == "2.1" ? await LateAsync(unitId, units, period, after, size, ct)
                : DigitisationLosses.Indicators.Contains(id) ? await DigitisationAsync(id, unitId, units, period, after, size, ct)
                : await FeedbackAsync(id, units, period, after, size, ct);
        }

        private async Task<Result<ItemsPage>> DigitisationAsync(
            string id, Guid unitId, HashSet<Guid> units, ScorecardPeriod period, string? after, int limit, CancellationToken ct)
        {
            if (ParseSkip(after) is not { } skip)
            {
                return BadCursor;
            }

            var figure = (await AggregateFigures.ForAsync(db, new Dictionary<Guid, HashSet<Guid>> { [unitId] = units }, period, ct))[unitId][id];
            var page = await digitisation.PageAsync(id, units, period, skip, limit, ct);
            return Page(id, figure.Denominator - figure.Numerator, page, skip, limit, pakn: false);
        }

        private async Task<Result<ItemsPage>> LateAsync(Guid unitId, HashSet<Guid> units, ScorecardPeriod period, string? after, int limit, CancellationToken ct)
        {
            var cursor = LateDossiers.ParseCursor(after);
            if (after is not null && cursor is null)
            {
                return BadCursor;
            }

            var figure = (await AggregateFigures.ForAsync(db, new Dictionary<Guid, HashSet<Guid>> { [unitId] = units }, period, ct))[unitId]["2.1"];
            var (items, next) = await late.PageAsync(units, period, cursor, limit, ct);
            return new ItemsPage("2.1", figure.Denominator - figure.Numerator, [.. items.Select(i => new Item(
                i.DossierId, "dossier", i.Code, DossierLink(i.DossierId), i.ProcedureCode, i.ProcedureName, i.Ended, i.DueAt, i.EndAt,
                i.LateWorkingDays, i.LateHours, i.Step, i.StepAgency, i.RepeatedSupplement))], next);
        }

        private async Task<Result<ItemsPage>> FeedbackAsync(string id, HashSet<Guid> units, ScorecardPeriod period, string? after, int limit, CancellationToken ct)
        {
            if (ParseSkip(after) is not { } skip)
            {
                return BadCursor;
            }

            var computed = await rates.ComputeAsync(units, period.First, period.Last, ct);
            if (computed.IsFailure)
            {
                return computed.Error;
            }

            var (rate, pakn) = ScorecardEvaluator.FeedbackRate(computed.Value, id)!.Value;
            if (pakn)
            {
                var codes = computed.Value.Codes;
                return Page(id, rate.CountedAgainst.Count,
                    [.. rate.CountedAgainst.Skip(skip).Take(limit).Select(item => (item, codes.GetValueOrDefault(item) ?? item.ToString()))], skip, limit, pakn);
            }

            var page = await rates.DossierLossPageAsync(units, PaknPeriod.FromDates(period.First, period.Last), skip, limit, ct);
            return Page(id, computed.Value.DossierLosses.Total, page, skip, limit, pakn);
        }

        // Lists paged by position: the cursor is how many came before.
        private static int? ParseSkip(string? after) =>
            after is null ? 0 : int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var skip) ? skip : null;

        private static ItemsPage Page(string id, long total, List<(Guid Id, string Code)> page, int skip, int limit, bool pakn)
        {
            var items = page.Select(item => new Item(
                item.Id, pakn ? "pakn" : "dossier", item.Code, pakn ? $"/Work/Pakn/{item.Id}" : DossierLink(item.Id),
                null, null, null, null, null, null, null, null, null, null)).ToList();
            var next = skip + items.Count < total && items.Count == limit ? (skip + items.Count).ToString(CultureInfo.InvariantCulture) : null;
            return new ItemsPage(id, total, items, next);
        }

        private static ValidationFailed BadCursor => ValidationFailed.One("after", new FieldMessage("serviceindex.cursor", "Con trỏ trang không hợp lệ."));

        private static string DossierLink(Guid id) => $"/Work/Dossier/{id}";
    }
}
