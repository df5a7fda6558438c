using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Persistence;
using MotCua.Web.Api;
using static MotCua.Web.Features.DossierDocuments.DossierDocumentsEndpoints;

namespace MotCua.Web.Features.DossierDocuments;

/// <summary><c>PATCH …/documents/{docId}</c>: the service-index flags, set by staff with a workflow role only.</summary>
public sealed class DocumentFlagsHandler(AppDbContext db, DocumentScope scopes)
{
    public async Task<Result<DocumentView>> SetFlagsAsync(Guid id, Guid docId, FlagsBody body, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var scope = await scopes.ResolveAsync(id, user, write: true, ct);
        if (scope.IsFailure)
        {
            return scope.Error;
        }

        if (scope.Value.IsOwner)
        {
            return DocumentScope.StaffOnlyFlags;
        }

        var document = await db.DossierDocuments.SingleOrDefaultAsync(d => d.Id == docId && d.DossierId == id, ct);
        if (document is null)
        {
            return new NotFoundError($"tệp {docId}");
        }

        document.Digitised = body.Digitised ?? document.Digitised;
        document.ReusedFromDigitisedData = body.ReusedFromDigitisedData ?? document.ReusedFromDigitisedData;
        document.IsElectronicResult = body.IsElectronicResult ?? document.IsElectronicResult;
        await db.SaveChangesAsync(ct);
        return DocumentView.From(document);
    }
}
