using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Persistence.Catalogue;
using MotCua.Web.Api;

namespace MotCua.Web.Features.Dossiers;

/// <summary>Turns the checklist lines of a creating call into the dossier's checklist, against the required documents of
/// the procedure version (<see cref="DossierChecklist.Build"/> holds the rules).</summary>
internal static class ReceiptChecklist
{
    public static async Task<Result<IReadOnlyList<ChecklistItem>>> BuildAsync(
        AppDbContext db, Guid procedureId, IReadOnlyList<CreateDossier.ChecklistInput>? lines, CancellationToken ct)
    {
        if (lines is null || lines.Count == 0)
        {
            return Array.Empty<ChecklistItem>();
        }

        if (lines.Any(l => l.DocumentIndex is null || l.ReceivedAs is null || l.Copies is null))
        {
            return ValidationFailed.One("checklist", new FieldMessage("dossier.checklist_line_incomplete", "Mỗi dòng danh mục giấy tờ phải có documentIndex, receivedAs và copies."));
        }

        var procedure = await db.Procedures.AsNoTracking().AsSplitQuery().InListOrder().SingleAsync(p => p.Id == procedureId, ct);
        return DossierChecklist.Build(procedure.RequiredDocuments,
            lines.Select(l => new ChecklistTick(l.DocumentIndex!.Value, l.ReceivedAs!.Value, l.Copies!.Value)));
    }
}
