using System.Security.Claims;
using MotCua.Domain.Dossiers;
using MotCua.Persistence.Dossiers;
using MotCua.Web.Api;
using MotCua.Web.Documents;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.DossierDocuments;

/// <summary>Files on a dossier: <c>POST /api/v1/dossiers/{id}/documents</c> (multipart: <c>file</c>, <c>componentName</c>,
/// optional <c>requiredDocumentIndex</c>, <c>digitised</c>, <c>reusedFromDigitisedData</c>, <c>isElectronicResult</c>),
/// <c>GET …/documents</c>, <c>GET …/documents/{docId}/content</c> and <c>PATCH …/documents/{docId}</c> (flags).</summary>
/// <remarks>Uploads and flag changes need a workflow role on the dossier (desk, handler or head of its units); reads
/// need the read roles of <see cref="GetDossier"/>, and staff downloads are logged as personal-data reads. The owner
/// citizen (<see cref="DossierAccess.IsOwnerAsync(Guid, Guid?, CancellationToken)"/>) may list and download the files
/// (not logged: their own data) and upload while <see cref="DossierWorkflow.AwaitsApplicant"/> holds (422 otherwise), as
/// <see cref="DocumentUploaderKind.Citizen"/> and without the service-index flags (403); another citizen gets 404.
/// The bytes go through <see cref="IDocumentContentStore"/> (size and type limits; same bytes stored once).
/// This file holds the routes and shapes; who may do what is <see cref="DocumentScope"/>, and each action has its handler:
/// <see cref="DocumentUploadHandler"/>, <see cref="DocumentReadHandler"/>, <see cref="DocumentFlagsHandler"/>.</remarks>
public static class DossierDocumentsEndpoints
{
    public const string AuditPurpose = "api.dossier.document.content";

    public sealed record DocumentView(
        Guid Id, Guid DossierId, string ComponentName, int? RequiredDocumentIndex, string? FileName, string Sha256, long Length,
        string ContentType, Guid UploadedBy, DateTime UploadedAt, DocumentUploaderKind UploaderKind, bool Digitised,
        bool ReusedFromDigitisedData, bool IsElectronicResult)
    {
        public static DocumentView From(DossierDocument d) => new(
            d.Id, d.DossierId, d.ComponentName, d.RequiredDocumentIndex, d.FileName, d.Sha256, d.Length, d.ContentType, d.UploadedBy,
            d.UploadedAt, d.UploaderKind, d.Digitised, d.ReusedFromDigitisedData, d.IsElectronicResult);
    }

    public sealed record FlagsBody(bool? Digitised, bool? ReusedFromDigitisedData, bool? IsElectronicResult);

    public static void Map(RouteGroupBuilder dossiers)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        // The form is read by hand (no IFormFile binding), so no antiforgery middleware is needed; cookie callers are
        // still protected by SameSite=Lax on the auth cookie.
        dossiers.MapPost("/{id:guid}/documents", async (Guid id, HttpRequest request, ClaimsPrincipal user, DocumentUploadHandler handler, CancellationToken ct) =>
                await handler.UploadAsync(id, request, user, ct))
            .WithName("UploadDossierDocument")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<DocumentView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        dossiers.MapGet("/{id:guid}/documents", async (Guid id, ClaimsPrincipal user, DocumentReadHandler handler, CancellationToken ct) =>
                (await handler.ListAsync(id, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("ListDossierDocuments")
            .Produces<IReadOnlyList<DocumentView>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        dossiers.MapGet("/{id:guid}/documents/{docId:guid}/content", async (Guid id, Guid docId, ClaimsPrincipal user, DocumentReadHandler handler, CancellationToken ct) =>
                await handler.ContentAsync(id, docId, user, ct))
            .WithName("GetDossierDocumentContent")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        dossiers.MapPatch("/{id:guid}/documents/{docId:guid}", async (Guid id, Guid docId, FlagsBody body, ClaimsPrincipal user, DocumentFlagsHandler handler, CancellationToken ct) =>
                (await handler.SetFlagsAsync(id, docId, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("SetDossierDocumentFlags")
            .Produces<DocumentView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The HTTP status of a content-store error: 413 too large, 415 wrong type, 422 otherwise.</summary>
    public static int StatusOf(DocumentError error) => error switch
    {
        DocumentTooLargeError => StatusCodes.Status413PayloadTooLarge,
        DocumentTypeNotAllowedError or DocumentTypeMismatchError or DocumentExtensionMismatchError => StatusCodes.Status415UnsupportedMediaType,
        DocumentContentNotFoundError => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    /// <summary>The problem for a content-store error.</summary>
    internal static IResult ToProblem(DocumentError error) => ErrorMapping.Problem(StatusOf(error), error.Message, error.Code);
}
