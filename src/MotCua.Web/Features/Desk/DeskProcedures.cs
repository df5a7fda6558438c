using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Units;
using MotCua.Persistence;
using MotCua.Persistence.Catalogue;
using MotCua.Web.Api;

namespace MotCua.Web.Features.Desk;

/// <summary>The desk's procedure picker: GET /api/v1/desk/procedures?unit&amp;q&amp;channel finds the versions in force
/// today that the unit's desk receives through that channel (<see cref="ProcedureReception"/>), by name or code without
/// diacritics (<see cref="ProcedureSearch"/>); GET /api/v1/desk/procedures/{id}?unit gives what the counter needs to
/// receive one: its required documents (the checklist) and the units that may be named competent.</summary>
public static class DeskProcedures
{
    public const int MaxResults = 20;

    public sealed record ProcedureOption(Guid Id, string Code, int Version, string Name, string SectorName, string Level, string ProcessingTime);

    public sealed record RequiredDocumentView(int Index, string Name, IReadOnlyList<string> AcceptedForms, int Copies, string? Note);

    public sealed record UnitOption(Guid Id, string Name);

    public sealed record Reception(
        Guid Id, string Code, int Version, string Name, string Level, string ProcessingTime, IReadOnlyList<string> Channels,
        IReadOnlyList<RequiredDocumentView> RequiredDocuments, IReadOnlyList<UnitOption> CompetentUnits);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/procedures", async (Guid unit, string? q, DossierChannel? channel, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.SearchAsync(unit, q, channel ?? DossierChannel.InPerson, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("SearchDeskProcedures")
            .Produces<IReadOnlyList<ProcedureOption>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/procedures/{id:guid}", async (Guid id, Guid unit, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.ReceptionAsync(id, unit, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("GetDeskProcedure")
            .Produces<Reception>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, Dossiers.DossierAccess access)
    {
        public async Task<Result<IReadOnlyList<ProcedureOption>>> SearchAsync(Guid unitId, string? query, DossierChannel channel, ClaimsPrincipal user, CancellationToken ct)
        {
            var unit = await DeskUnitAsync(unitId, user, ct);
            if (unit.IsFailure)
            {
                return unit.Error;
            }

            if (ProcedureReception.LevelReceivedBy(unit.Value.Level) is not { } level)
            {
                return Array.Empty<ProcedureOption>();
            }

            // The catalogue's own search (exact code first, then names that start with the query); the channel is a flag
            // column, checked on the page of candidates.
            var today = VietnamTime.Today(clock);
            var page = await CatalogueQueries.SearchAsync(db, query, today, level, null, new CataloguePaging(1, CataloguePaging.MaxPageSize), ct);
            var ids = page.Items.Select(i => i.Id).ToList();
            var channels = await db.Procedures.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Channels, ct);
            return page.Items.Where(i => ProcedureReception.Allows(channels[i.Id], channel)).Take(MaxResults)
                .Select(i => new ProcedureOption(i.Id, i.Code, i.Version, i.Name, i.SectorName, i.Level.ToString(), i.ProcessingTime.ToDisplayText()))
                .ToList();
        }

        public async Task<Result<Reception>> ReceptionAsync(Guid procedureId, Guid unitId, ClaimsPrincipal user, CancellationToken ct)
        {
            var unit = await DeskUnitAsync(unitId, user, ct);
            if (unit.IsFailure)
            {
                return unit.Error;
            }

            var today = VietnamTime.Today(clock);
            var procedure = await db.Procedures.AsNoTracking().AsSplitQuery().InListOrder().SingleOrDefaultAsync(p => p.Id == procedureId, ct);
            if (procedure is null || !procedure.IsInForceOn(today) || ProcedureReception.LevelReceivedBy(unit.Value.Level) != procedure.Level)
            {
                return new NotFoundError($"thủ tục {procedureId} tại đơn vị này");
            }

            // A commune-level procedure is decided by the commune that receives it; a province-level one by a provincial
            // department (or the province itself) that the desk names.
            IReadOnlyList<UnitOption> competent = procedure.Level == ProcedureLevel.Commune
                ? [new UnitOption(unit.Value.Id, unit.Value.Name)]
                : await ProvincialUnitsAsync(unit.Value, today, ct);
            return new Reception(
                procedure.Id, procedure.Code.Value, procedure.Version, procedure.Name, procedure.Level.ToString(), procedure.ProcessingTime.ToDisplayText(),
                [.. Enum.GetValues<DossierChannel>().Where(c => ProcedureReception.Allows(procedure.Channels, c)).Select(c => c.ToString())],
                [.. procedure.RequiredDocuments.Select((d, i) => new RequiredDocumentView(i, d.Name, Forms(d.Forms), d.Copies, d.Note))],
                competent);
        }

        private async Task<IReadOnlyList<UnitOption>> ProvincialUnitsAsync(OrganisationalUnit unit, DateOnly today, CancellationToken ct)
        {
            var province = unit.Level == UnitLevel.Province ? unit.Id : unit.ParentId ?? unit.Id;
            var units = await db.OrganisationalUnits.AsNoTracking()
                .Where(u => u.Id == province || (u.ParentId == province && u.Level == UnitLevel.ProvincialDepartment))
                .ToListAsync(ct);
            return [.. units.Where(u => u.IsValidOn(today)).OrderBy(u => u.Level).ThenBy(u => VietnameseText.Fold(u.Name), StringComparer.Ordinal)
                .Select(u => new UnitOption(u.Id, u.Name))];
        }

        private async Task<Result<OrganisationalUnit>> DeskUnitAsync(Guid unitId, ClaimsPrincipal user, CancellationToken ct)
        {
            var units = await DeskUnits.OfAsync(access, user, unitId, ct);
            if (units.IsFailure)
            {
                return units.Error;
            }

            var unit = await db.OrganisationalUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct);
            return unit is null ? new NotFoundError($"đơn vị {unitId}") : unit;
        }

        private static IReadOnlyList<string> Forms(DocumentForms forms) =>
            [.. new[] { DocumentForms.Original, DocumentForms.CertifiedCopy, DocumentForms.Copy, DocumentForms.Scan }.Where(f => forms.HasFlag(f)).Select(f => f.ToString())];
    }
}
