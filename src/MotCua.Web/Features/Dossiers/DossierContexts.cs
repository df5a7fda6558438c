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
/// stored (a new version gets a new id; a catalogue import only closes <c>ValidTo</c>), so transitions take them from a
/// per-node cache keyed by the procedure id. Creation still reads the procedure, whose <c>ValidTo</c> decides whether it
/// is in force.</remarks>
public sealed class DossierContexts(AppDbContext db, CalendarService calendar, IMemoryCache cache)
{
    private static readonly TimeSpan TermsLifetime = TimeSpan.FromMinutes(10);

    public async Task<Result<(DossierContext Context, Procedure Procedure, Guid? DeskId)>> BuildAsync(
        Guid procedureId, Guid receivingUnitId, DossierActor actor, DateTime nowUtc, CancellationToken ct)
    {
        var procedure = await db.Procedures.AsNoTracking().SingleOrDefaultAsync(p => p.Id == procedureId, ct);
        if (procedure is null)
        {
            return new NotFoundError($"thủ tục {procedureId}");
        }

        var terms = ProcedureTerms.From(procedure);
        if (terms.IsFailure)
        {
            return terms.Error;
        }

        cache.Set(TermsKey(procedureId), terms.Value, TermsLifetime);
        var (calculator, version, deskId) = await calendar.ForUnitAsync(db, receivingUnitId, ct);
        var context = new DossierContext(nowUtc, actor, calculator, terms.Value) { CalendarVersion = version };
        return (context, procedure, deskId);
    }

    /// <summary>The context of a transition on a stored dossier: like <see cref="BuildAsync"/>, with the procedure's
    /// terms from the cache when present.</summary>
    public async Task<Result<(DossierContext Context, Guid? DeskId)>> BuildForTransitionAsync(
        Guid procedureId, Guid receivingUnitId, DossierActor actor, DateTime nowUtc, CancellationToken ct)
    {
        if (!cache.TryGetValue(TermsKey(procedureId), out ProcedureTerms? terms) || terms is null)
        {
            var built = await BuildAsync(procedureId, receivingUnitId, actor, nowUtc, ct);
            return built.IsFailure ? built.Error : (built.Value.Context, built.Value.DeskId);
        }

        var (calculator, version, deskId) = await calendar.ForUnitAsync(db, receivingUnitId, ct);
        return (new DossierContext(nowUtc, actor, calculator, terms) { CalendarVersion = version }, deskId);
    }

    private static (string, Guid) TermsKey(Guid procedureId) => ("motcua.procedure-terms", procedureId);
}
