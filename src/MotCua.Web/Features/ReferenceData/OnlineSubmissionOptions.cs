using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Units;
using MotCua.Persistence;
using MotCua.Persistence.Catalogue;
using MotCua.Web.Api;

namespace MotCua.Web.Features.ReferenceData;

/// <summary>GET /api/v1/procedures/{id}/online-submission: what a citizen picks from to submit a procedure online — its
/// required documents, the units whose one-stop desk may receive it (every desk open today: the centres receive
/// regardless of administrative boundary, domain.md §2.2) and the units that may settle it
/// (<see cref="ProcedureLevels.SettledBy"/>). Public like the catalogue. A version not in force today, or one whose
/// published channels do not include online submission (ND 63/2010 Art. 8(2)(b), <see cref="ProcedureReception"/>),
/// answers 404.</summary>
public static class OnlineSubmissionOptions
{
    public sealed record DocumentOption(int Index, string Name, int Copies, string? Note);

    public sealed record UnitOption(Guid Id, string Name);

    public sealed record Options(
        Guid ProcedureId, string Code, string Name, string Level, string OnlineLevel, string ProcessingTime,
        IReadOnlyList<DocumentOption> RequiredDocuments, IReadOnlyList<UnitOption> ReceivingUnits, IReadOnlyList<UnitOption> CompetentUnits);

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapGet("/procedures/{id:guid}/online-submission", async (Guid id, Handler handler, CancellationToken ct) =>
                (await handler.Handle(id, ct)).ToHttpResult(TypedResults.Ok))
            .AllowAnonymous()
            .WithName("GetOnlineSubmissionOptions")
            .WithSummary("Required documents, receiving and competent units for submitting a procedure online")
            .Produces<Options>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>Whether a procedure version may be submitted online (its published channels).</summary>
    public static bool AllowsOnline(Procedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return ProcedureReception.Allows(procedure.Channels, DossierChannel.Online);
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Result<Options>> Handle(Guid procedureId, CancellationToken ct)
        {
            var today = VietnamTime.Today(clock);
            var procedure = await db.Procedures.AsNoTracking().AsSplitQuery().InListOrder().SingleOrDefaultAsync(p => p.Id == procedureId, ct);
            if (procedure is null || !procedure.IsInForceOn(today) || !AllowsOnline(procedure))
            {
                return new NotFoundError($"thủ tục {procedureId} nộp trực tuyến được");
            }

            var units = (await db.OrganisationalUnits.AsNoTracking().ToListAsync(ct)).Where(u => u.IsValidOn(today)).ToList();
            var desks = (await db.OneStopDesks.AsNoTracking().ToListAsync(ct)).Where(d => d.IsValidOn(today)).Select(d => d.UnitId).ToHashSet();
            return new Options(
                procedure.Id, procedure.Code.Value, procedure.Name, procedure.Level.ToString(), procedure.OnlineLevel.ToString(),
                procedure.ProcessingTime.ToDisplayText(),
                [.. procedure.RequiredDocuments.Select((d, i) => new DocumentOption(i, d.Name, d.Copies, d.Note))],
                Sorted(units.Where(u => desks.Contains(u.Id))),
                Sorted(units.Where(u => ProcedureLevels.SettledBy(u.Level) == procedure.Level)));
        }

        private static IReadOnlyList<UnitOption> Sorted(IEnumerable<OrganisationalUnit> units) =>
            [.. units.OrderBy(u => u.Level).ThenBy(u => VietnameseText.Fold(u.Name), StringComparer.Ordinal).Select(u => new UnitOption(u.Id, u.Name))];
    }
}
