using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Persistence.Catalogue;
using MotCua.Web.Api;

namespace MotCua.Web.Features.ReferenceData;

/// <summary>GET /api/v1/procedures: the procedure versions in force on a date, searchable by name or code without
/// diacritics, optionally only those a competent unit settles. Public, like the catalogue pages.</summary>
/// <remarks>The search, its ranking and the in-force rule are the catalogue's (<see cref="CatalogueQueries.SearchAsync"/>);
/// the unit's tier comes from <see cref="ProcedureLevels.SettledBy"/>. A unit that does not exist on the date answers
/// 422 <c>dossier.unit_not_in_operation</c>, the refusal a receipt there would get.</remarks>
public static class ProcedureOptions
{
    public sealed record Page(IReadOnlyList<ProcedureSummary> Items, int TotalCount, int PageNumber, int PageSize, int PageCount);

    public sealed record Query(DateOnly? On, string? Q, Guid? CompetentUnit, Guid? ReceivingUnit, int? Page, int? PageSize);

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapGet("/procedures", async (
                DateOnly? on, string? q, Guid? competentUnit, Guid? receivingUnit, int? page, int? pageSize, Handler handler, CancellationToken ct) =>
                (await handler.Handle(new Query(on, q, competentUnit, receivingUnit, page, pageSize), ct)).ToHttpResult(TypedResults.Ok))
            .AllowAnonymous()
            .WithName("ListProcedures")
            .WithSummary("Procedures in force on a date (default today), by competent unit, searched without diacritics")
            .Produces<Page>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>The code and name of each of <paramref name="ids"/> (procedure versions), for rows that carry only the id.</summary>
    public static async Task<IReadOnlyDictionary<Guid, (string Code, string Name)>> NamesAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await db.Procedures.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, Code = p.Code.Value, p.Name }).ToListAsync(ct);
        return found.ToDictionary(p => p.Id, p => (p.Code, p.Name));
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Result<Page>> Handle(Query query, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(query);
            if (query.PageSize is < 1 or > CataloguePaging.MaxPageSize)
            {
                return ValidationFailed.One("pageSize", new FieldMessage("list.page_size_range", "pageSize phải từ 1 đến {0}.", CataloguePaging.MaxPageSize));
            }

            if (query.Page is < 1)
            {
                return ValidationFailed.One("page", new FieldMessage("list.page_range", "page phải từ 1 trở lên."));
            }

            var date = query.On ?? VietnamTime.Today(clock);
            var paging = new CataloguePaging(query.Page ?? 1, query.PageSize ?? CataloguePaging.DefaultPageSize);
            ProcedureLevel? level = null;
            foreach (var unitId in new[] { query.ReceivingUnit, query.CompetentUnit }.OfType<Guid>())
            {
                var unit = await db.OrganisationalUnits.AsNoTracking().Where(u => u.Id == unitId)
                    .Select(u => new { u.Name, u.Level, u.ValidFrom, u.ValidTo }).SingleOrDefaultAsync(ct);
                if (unit is null)
                {
                    return new NotFoundError($"đơn vị {unitId}");
                }

                if (!new OperatingUnit(unitId, unit.Name, unit.ValidFrom, unit.ValidTo).OperatesOn(date))
                {
                    return new UnitNotInOperation(unit.Name, unit.ValidFrom, unit.ValidTo, date);
                }

                if (unitId == query.CompetentUnit)
                {
                    if (ProcedureLevels.SettledBy(unit.Level) is not { } settled)
                    {
                        return new Page([], 0, paging.Page, paging.PageSize, 0);
                    }

                    level = settled;
                }
            }

            var found = await CatalogueQueries.SearchAsync(db, query.Q, date, level, sectorCode: null, paging, ct);
            return new Page(found.Items, found.TotalCount, paging.Page, paging.PageSize, found.PageCount);
        }
    }
}
