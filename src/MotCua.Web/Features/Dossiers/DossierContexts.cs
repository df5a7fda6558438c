using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Calendar;

namespace MotCua.Web.Features.Dossiers;

/// <summary>Builds the <see cref="DossierContext"/> of a call: the procedure's terms, the receiving desk's calculator
/// and the calendar version.</summary>
public sealed class DossierContexts(AppDbContext db, CalendarService calendar)
{
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

        var (calculator, version, deskId) = await calendar.ForUnitAsync(db, receivingUnitId, ct);
        var context = new DossierContext(nowUtc, actor, calculator, terms.Value) { CalendarVersion = version };
        return (context, procedure, deskId);
    }
}
