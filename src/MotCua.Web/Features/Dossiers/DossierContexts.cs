using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Calendar;

namespace MotCua.Web.Features.Dossiers;

/// <summary>Builds the <see cref="DossierContext"/> of a call: the procedure's terms, the receiving desk's calculator
/// and the calendar version.</summary>
/// <remarks>The terms of a procedure version (time limit, policies, internal process) never change once the version is
/// stored (a new version gets a new id; a catalogue import only closes <c>ValidTo</c>), so they come from a per-node
/// cache keyed by the procedure id. Creation still reads the version's validity, which decides whether it is in
/// force.</remarks>
public sealed class DossierContexts(AppDbContext db, CalendarService calendar, IMemoryCache cache)
{
    private static readonly TimeSpan TermsLifetime = TimeSpan.FromMinutes(10);

    public async Task<Result<(DossierContext Context, ProcedureVersionRef Procedure, Guid? DeskId, string? ReceivingUnitCode)>> BuildAsync(
        Guid procedureId, Guid receivingUnitId, Guid competentUnitId, DossierActor actor, DateTime nowUtc, CancellationToken ct)
    {
        // The validity is read on every call (a catalogue import may close the version); the terms, with their five
        // owned collections, only when this node has not cached them.
        var version = await db.Procedures.AsNoTracking().Where(p => p.Id == procedureId)
            .Select(p => new ProcedureVersionRef(p.Id, p.Code.Value, p.Version, p.ValidFrom, p.ValidTo))
            .SingleOrDefaultAsync(ct);
        if (version is null)
        {
            return new NotFoundError($"thủ tục {procedureId}");
        }

        var built = await BuildForTransitionAsync(procedureId, receivingUnitId, actor, nowUtc, ct);
        if (built.IsFailure)
        {
            return built.Error;
        }

        var (context, unitCode) = await WithUnitsAsync(built.Value.Context, receivingUnitId, competentUnitId, ct);
        return (context, version, built.Value.DeskId, unitCode);
    }

    /// <summary>Adds the receiving and competent units' validity, which every receipt checks (a closed district receives
    /// nothing; docs/dossier-rules.md). Read on each receipt, not cached: closing a unit takes effect at once.</summary>
    /// <returns>The context, and the receiving unit's identifier code (the first part of a dossier code), read in the same
    /// round trip because every receipt that allocates a code needs it; <see langword="null"/> when the unit is unknown.</returns>
    public async Task<(DossierContext Context, string? ReceivingUnitCode)> WithUnitsAsync(
        DossierContext context, Guid receivingUnitId, Guid competentUnitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var units = new List<UnitRow>(2);
        await foreach (var unit in UnitsOf.For(db)(db, receivingUnitId, competentUnitId).WithCancellation(ct))
        {
            units.Add(unit);
        }

        var receiving = units.Find(u => u.Unit.Id == receivingUnitId);
        return (context with { ReceivingUnit = receiving?.Unit, CompetentUnit = units.Find(u => u.Unit.Id == competentUnitId)?.Unit },
            receiving?.IdentifierCode);
    }

    // Compiled once: every receipt and every acceptance runs it.
    private static readonly CompiledQuery<Func<AppDbContext, Guid, Guid, IAsyncEnumerable<UnitRow>>> UnitsOf =
        new(() => EF.CompileAsyncQuery((AppDbContext db, Guid receivingUnitId, Guid competentUnitId) => db.OrganisationalUnits.AsNoTracking()
            .Where(u => u.Id == receivingUnitId || u.Id == competentUnitId)
            .Select(u => new UnitRow(new OperatingUnit(u.Id, u.Name, u.ValidFrom, u.ValidTo), u.IdentifierCode))));

    private sealed record UnitRow(OperatingUnit Unit, string IdentifierCode);

    /// <summary>The context of a call on a stored dossier: the procedure's cached terms, the receiving desk's calculator
    /// and the calendar version.</summary>
    public async Task<Result<(DossierContext Context, Guid? DeskId)>> BuildForTransitionAsync(
        Guid procedureId, Guid receivingUnitId, DossierActor actor, DateTime nowUtc, CancellationToken ct)
    {
        var terms = await TermsAsync(procedureId, ct);
        if (terms.IsFailure)
        {
            return terms.Error;
        }

        var (calculator, version, deskId) = await calendar.ForUnitAsync(db, receivingUnitId, ct);
        return (new DossierContext(nowUtc, actor, calculator, terms.Value) { CalendarVersion = version }, deskId);
    }

    private async Task<Result<ProcedureTerms>> TermsAsync(Guid procedureId, CancellationToken ct)
    {
        if (cache.TryGetValue(TermsKey(procedureId), out ProcedureTerms? cached) && cached is not null)
        {
            return cached;
        }

        var procedure = await db.Procedures.AsNoTracking().SingleOrDefaultAsync(p => p.Id == procedureId, ct);
        if (procedure is null)
        {
            return new NotFoundError($"thủ tục {procedureId}");
        }

        var terms = ProcedureTerms.From(procedure);
        if (terms.IsSuccess)
        {
            cache.Set(TermsKey(procedureId), terms.Value, TermsLifetime);
        }

        return terms;
    }

    private static (string, Guid) TermsKey(Guid procedureId) => ("motcua.procedure-terms", procedureId);
}

/// <summary>A procedure version as creation needs it: identity and validity (<see cref="Procedure.IsInForce"/>).</summary>
public sealed record ProcedureVersionRef(Guid Id, string Code, int Version, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public bool IsInForceOn(DateOnly date) => Procedure.IsInForce(ValidFrom, ValidTo, date);
}
