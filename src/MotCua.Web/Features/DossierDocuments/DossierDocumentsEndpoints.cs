using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
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
/// The bytes go through <see cref="IDocumentContentStore"/> (size and type limits; same bytes stored once).</remarks>
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
        dossiers.MapPost("/{id:guid}/documents", async (Guid id, HttpRequest request, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                await handler.UploadAsync(id, request, user, ct))
            .WithName("UploadDossierDocument")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<DocumentView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        dossiers.MapGet("/{id:guid}/documents", async (Guid id, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.ListAsync(id, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("ListDossierDocuments")
            .Produces<IReadOnlyList<DocumentView>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        dossiers.MapGet("/{id:guid}/documents/{docId:guid}/content", async (Guid id, Guid docId, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                await handler.ContentAsync(id, docId, user, ct))
            .WithName("GetDossierDocumentContent")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        dossiers.MapPatch("/{id:guid}/documents/{docId:guid}", async (Guid id, Guid docId, FlagsBody body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
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

    private static readonly OutOfScope StaffOnlyFlags =
        new("chỉ cán bộ xử lý được đánh dấu tệp đã số hóa, tái sử dụng dữ liệu số hóa hoặc là kết quả điện tử");

    public sealed class Handler(AppDbContext db, TimeProvider clock, DossierAccess access, IDocumentContentStore store)
    {
        public async Task<IResult> UploadAsync(Guid id, HttpRequest request, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var scope = await ScopeAsync(id, user, write: true, ct);
            if (scope.IsFailure)
            {
                return scope.Error.ToProblem();
            }

            var caller = scope.Value;
            if (caller.IsOwner && !DossierWorkflow.AwaitsApplicant(caller.Status))
            {
                return new CitizenUploadClosed(caller.Status).ToProblem();
            }

            if (!request.HasFormContentType)
            {
                return ErrorMapping.Problem(StatusCodes.Status415UnsupportedMediaType, "Phải gửi tệp dạng multipart/form-data.", "document.multipart_required");
            }

            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file");
            if (file is null)
            {
                return ValidationFailed.One("file", "Phải chọn tệp tải lên.").ToProblem();
            }

            var component = form["componentName"].ToString().Trim();
            if (component.Length is 0 or > DossierDocument.ComponentNameMaxLength)
            {
                return ValidationFailed.One("componentName", "Phải nêu thành phần hồ sơ của tệp (tối đa 500 ký tự).").ToProblem();
            }

            int? index = null;
            if (!string.IsNullOrEmpty(form["requiredDocumentIndex"]))
            {
                if (!int.TryParse(form["requiredDocumentIndex"], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    return ValidationFailed.One("requiredDocumentIndex", "Số thứ tự thành phần hồ sơ không hợp lệ.").ToProblem();
                }

                index = parsed;
            }

            var (digitised, reused, electronic) = (Flag(form["digitised"]), Flag(form["reusedFromDigitisedData"]), Flag(form["isElectronicResult"]));
            if (caller.IsOwner && (digitised || reused || electronic))
            {
                return StaffOnlyFlags.ToProblem();
            }

            Result<StoredContent> stored;
            await using (var content = file.OpenReadStream())
            {
                stored = await store.PutAsync(content, file.ContentType, file.FileName, ct);
            }

            if (stored.IsFailure)
            {
                var error = (DocumentError)stored.Error;
                return ErrorMapping.Problem(StatusOf(error), error.Message, error.Code);
            }

            var fileName = Path.GetFileName(file.FileName);
            var document = new DossierDocument
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                DossierId = id,
                ComponentName = component,
                RequiredDocumentIndex = index,
                FileName = fileName.Length is > 0 and <= DossierDocument.FileNameMaxLength ? fileName : null,
                Sha256 = stored.Value.Sha256Hex,
                Length = stored.Value.Length,
                ContentType = stored.Value.ContentType,
                UploadedBy = caller.UserId,
                UploadedAt = clock.GetUtcNow().UtcDateTime,
                UploaderKind = caller.IsOwner ? DocumentUploaderKind.Citizen : DocumentUploaderKind.Officer,
                Digitised = digitised,
                ReusedFromDigitisedData = reused,
                IsElectronicResult = electronic,
            };
            db.DossierDocuments.Add(document);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/dossiers/{id}/documents/{document.Id}/content", DocumentView.From(document));
        }

        public async Task<Result<IReadOnlyList<DocumentView>>> ListAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
        {
            var scope = await ScopeAsync(id, user, write: false, ct);
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
            var scope = await ScopeAsync(id, user, write: false, ct);
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

        public async Task<Result<DocumentView>> SetFlagsAsync(Guid id, Guid docId, FlagsBody body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var scope = await ScopeAsync(id, user, write: true, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            if (scope.Value.IsOwner)
            {
                return StaffOnlyFlags;
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

        private static bool Flag(string? value) =>
            value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("on", StringComparison.OrdinalIgnoreCase));

        // The caller and the dossier's state when the caller is staff with a read role (write: a workflow role) on the
        // dossier's units, or its owner citizen. Another citizen gets 404 so that the dossier's existence is not
        // disclosed; staff out of scope keep 403.
        private async Task<Result<Caller>> ScopeAsync(Guid id, ClaimsPrincipal user, bool write, CancellationToken ct)
        {
            if (DossierAccess.UserId(user) is not { } userId)
            {
                return new OutOfScope("chưa đăng nhập");
            }

            var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Id == id)
                .Select(d => new { d.ReceivingUnitId, d.CompetentUnitId, d.OwnerUserId, d.Status }).SingleOrDefaultAsync(ct);
            if (dossier is null)
            {
                return new NotFoundError($"hồ sơ {id}");
            }

            var isStaff = write
                ? (await access.ActorRolesAsync(userId, dossier.ReceivingUnitId, dossier.CompetentUnitId, ct)).Count > 0
                : await access.MayReadAsync(userId, dossier.ReceivingUnitId, dossier.CompetentUnitId, ct);
            if (isStaff || await access.IsOwnerAsync(userId, dossier.OwnerUserId, ct))
            {
                return new Caller(userId, !isStaff, dossier.Status);
            }

            var denied = await access.DeniedAsync(userId, id, ct);
            return write && denied is not NotFoundError ? new OutOfScope("không có vai trò xử lý trên hồ sơ này") : denied;
        }

        private sealed record Caller(Guid UserId, bool IsOwner, DossierStatus Status);
    }
}
