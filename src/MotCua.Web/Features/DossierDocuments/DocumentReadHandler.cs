using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Persistence;
using MotCua.Persistence.Dossiers;
using MotCua.Web.Api;
using MotCua.Web.Documents;
using static MotCua.Web.Features.DossierDocuments.DossierDocumentsEndpoints;

namespace MotCua.Web.Features.DossierDocuments;

/// <summary><c>GET …/documents</c> and <c>GET …/documents/{docId}/content</c>: staff downloads are logged as
/// personal-data reads (<see cref="DossierDocumentsEndpoints.AuditPurpose"/>); the owner's own downloads are not.</summary>
public sealed class DocumentReadHandler(AppDbContext db, TimeProvider clock, DocumentScope scopes, IDocumentContentStore store)
{
    public async Task<Result<IReadOnlyList<DocumentView>>> ListAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = await scopes.ResolveAsync(id, user, write: false, ct);
        if (scope.IsFailure)
        {
            return scope.Error;
        }

        var documents = await db.DossierDocuments.AsNoTracking().Where(d => d.DossierId == id)
            .OrderBy(d => d.UploadedAt).ThenBy(d => d.Id).ToListAsync(ct);
        return documents.Select(DocumentView.From).ToList();
    }

    public async Task<IResult> ContentAsync(Guid id, Guid docId, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = await scopes.ResolveAsync(id, user, write: false, ct);
        if (scope.IsFailure)
        {
            return scope.Error.ToProblem();
        }

        var document = await db.DossierDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == docId && d.DossierId == id, ct);
        if (document is null)
        {
            return new NotFoundError($"tệp {docId}").ToProblem();
        }

        var opened = await store.OpenReadAsync(document.Sha256, ct);
        if (opened.IsFailure)
        {
            var error = (DocumentError)opened.Error;
            return ErrorMapping.Problem(StatusOf(error), error.Message, error.Code);
        }

        // The owner downloading their own file is not a staff read of someone else's personal data: not logged.
        if (!scope.Value.IsOwner)
        {
            await PersonalDataReadLog.AppendAsync(db, scope.Value.UserId, id, clock.GetUtcNow().UtcDateTime, AuditPurpose, ct);
        }

        return TypedResults.Stream(opened.Value, document.ContentType, document.FileName);
    }
}
