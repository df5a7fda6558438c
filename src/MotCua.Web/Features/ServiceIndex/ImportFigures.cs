using System.Security.Claims;
using MotCua.Domain.Access;
using MotCua.Domain.Common;
using MotCua.Persistence;
using MotCua.Persistence.ServiceIndex;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.ServiceIndex;

/// <summary>POST /api/v1/serviceindex/figures: imports the counts of indicators MotCua cannot compute (national
/// databases, the portal) for a unit and a calendar period; a figure for the same (unit, period, indicator) replaces the
/// earlier one, so the call can be repeated. The checks are <see cref="ImportedFigures.Check"/>, shared with
/// <c>motcua serviceindex import</c>.</summary>
/// <remarks>Who may import: an administrator or a Home Affairs appraiser holding that role on the unit (directly or
/// through a grant covering its descendants): the figures change every reader's scorecard.</remarks>
public static class ImportFigures
{
    public sealed record ImportedFigureBody(string? Indicator, long? Numerator, long? Denominator, string? SourceNote);

    public sealed record ImportFiguresBody(Guid? Unit, int? Year, int? Quarter, int? Month, List<ImportedFigureBody>? Figures);

    public sealed record FigureView(string Indicator, long Numerator, long Denominator, string SourceNote);

    public sealed record Imported(Guid UnitId, string PeriodLabel, DateOnly From, DateOnly To, IReadOnlyList<FigureView> Figures);

    private static readonly StaffRole[] Importers = [StaffRole.Administrator, StaffRole.HomeAffairsAppraiser];

    public static RouteHandlerBuilder Map(RouteGroupBuilder api) =>
        api.MapPost("/serviceindex/figures", async (ImportFiguresBody body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.Handle(body, user, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(ApiAuth.Policy)
            .WithName("ServiceIndexImportFigures")
            .WithTags("ServiceIndex")
            .Produces<Imported>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public sealed class Handler(AppDbContext db, ScorecardScope scopes, DossierAccess access, TimeProvider clock)
    {
        public async Task<Result<Imported>> Handle(ImportFiguresBody body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            if (body.Year is null)
            {
                // Imported figures are the portal's, which has calendar periods only (domain.md §8.2).
                return ValidationFailed.One("year", new FieldMessage("serviceindex.year_required", "Chọn năm của kỳ."));
            }

            var scope = await scopes.ResolveAsync(body.Unit, body.Year, body.Quarter, body.Month, null, null, user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var (unitId, _, period) = scope.Value;
            var userId = DossierAccess.UserId(user)!.Value;
            var mayImport = false;
            foreach (var role in Importers)
            {
                mayImport |= (await access.UnitsWithRoleAsync(userId, role, ct)).Contains(unitId);
            }

            if (!mayImport)
            {
                return new OutOfScope("chỉ quản trị hoặc Sở Nội vụ của đơn vị được nhập số liệu chỉ số 766");
            }

            var inputs = body.Figures?.Select(f => new ImportedFigures.Input(f.Indicator, f.Numerator, f.Denominator, f.SourceNote)).ToList();
            var (problems, figures) = ImportedFigures.Check(inputs, period);
            if (problems.Count > 0)
            {
                return new ValidationFailed(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
            }

            await ImportedFigures.UpsertAsync(db, unitId, period, figures, userId, clock.GetUtcNow().UtcDateTime, ct);
            await db.SaveChangesAsync(ct);
            return new Imported(unitId, period.Label, period.First, period.Last,
                [.. figures.Select(f => new FigureView(f.IndicatorId, f.Numerator, f.Denominator, f.Note ?? ""))]);
        }
    }
}
