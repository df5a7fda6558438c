using System.Globalization;
using System.Security.Claims;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Persistence.Dossiers;
using MotCua.Web.Api;
using MotCua.Web.Documents;
using static MotCua.Web.Features.DossierDocuments.DossierDocumentsEndpoints;

namespace MotCua.Web.Features.DossierDocuments;

/// <summary><c>POST /api/v1/dossiers/{id}/documents</c>: reads the multipart form by hand (no <c>IFormFile</c> binding),
/// stores the bytes through <see cref="IDocumentContentStore"/> and records the row.</summary>
/// <remarks>A malformed form answers 400, a body over the server's limit 413 (through <see cref="ApiExceptionHandler"/>),
/// a file over the store's limit 413 and a forbidden type 415.</remarks>
public sealed class DocumentUploadHandler(AppDbContext db, TimeProvider clock, DocumentScope scopes, IDocumentContentStore store)
{
    public async Task<IResult> UploadAsync(Guid id, HttpRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var saved = await ReceiveAsync(id, request, user, ct);
        return saved.IsSuccess
            ? TypedResults.Created($"/api/v1/dossiers/{id}/documents/{saved.Value.Id}/content", saved.Value)
            : Problem(saved.Error);
    }

    /// <summary>The upload of <see cref="UploadAsync"/> as a result, for a page that reads the same form (the desk's
    /// dossier page), so that it can say the errors in its own language.</summary>
    public async Task<Result<DocumentView>> ReceiveAsync(Guid id, HttpRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = await scopes.ResolveAsync(id, user, write: true, ct);
        if (scope.IsFailure)
        {
            return scope.Error;
        }

        var caller = scope.Value;
        if (caller.IsOwner && !DossierWorkflow.AwaitsApplicant(caller.Status))
        {
            return new CitizenUploadClosed(caller.Status);
        }

        var read = await ReadFormAsync(request, ct);
        if (read.IsFailure)
        {
            return read.Error;
        }

        var form = read.Value;
        var file = form.Files.GetFile("file");
        if (file is null)
        {
            return ValidationFailed.One("file", new FieldMessage("document.file_required", "Phải chọn tệp tải lên."));
        }

        var component = form["componentName"].ToString().Trim();
        if (component.Length is 0 or > DossierDocument.ComponentNameMaxLength)
        {
            return ValidationFailed.One("componentName", ComponentNameRequired);
        }

        int? index = null;
        if (!string.IsNullOrEmpty(form["requiredDocumentIndex"]))
        {
            if (!int.TryParse(form["requiredDocumentIndex"], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return ValidationFailed.One("requiredDocumentIndex", new FieldMessage("document.index_invalid", "Số thứ tự thành phần hồ sơ không hợp lệ."));
            }

            index = parsed;
        }

        var (digitised, reused, electronic) = (Flag(form["digitised"]), Flag(form["reusedFromDigitisedData"]), Flag(form["isElectronicResult"]));
        if (caller.IsOwner && (digitised || reused || electronic))
        {
            return DocumentScope.StaffOnlyFlags;
        }

        await using var content = file.OpenReadStream();
        return await SaveAsync(id, caller, content, file.ContentType, file.FileName, component, index, (digitised, reused, electronic), ct);
    }

    /// <summary>One file from a page's own form (the citizen portal's supplement and online submission): the same
    /// scope, state, size and type rules as <c>POST …/documents</c>, without the staff-only flags.</summary>
    public async Task<Result<DocumentView>> AttachAsync(
        Guid id, Stream content, string? contentType, string? fileName, string componentName, int? requiredDocumentIndex,
        ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(componentName);
        var scope = await scopes.ResolveAsync(id, user, write: true, ct);
        if (scope.IsFailure)
        {
            return scope.Error;
        }

        if (scope.Value.IsOwner && !DossierWorkflow.AwaitsApplicant(scope.Value.Status))
        {
            return new CitizenUploadClosed(scope.Value.Status);
        }

        var component = componentName.Trim();
        if (component.Length is 0 or > DossierDocument.ComponentNameMaxLength)
        {
            return ValidationFailed.One("componentName", ComponentNameRequired);
        }

        return await SaveAsync(id, scope.Value, content, contentType, fileName, component, requiredDocumentIndex, (false, false, false), ct);
    }

    private async Task<Result<DocumentView>> SaveAsync(
        Guid id, DocumentScope.Caller caller, Stream content, string? contentType, string? clientFileName, string component, int? index,
        (bool Digitised, bool Reused, bool Electronic) flags, CancellationToken ct)
    {
        var stored = await store.PutAsync(content, contentType, clientFileName, ct);
        if (stored.IsFailure)
        {
            return stored.Error;
        }

        // A client's file name is kept only as a label: without control characters (NUL cannot be stored on
        // PostgreSQL; CR/LF would break the Content-Disposition of downloads) and within its column.
        var fileName = new string([.. Path.GetFileName(clientFileName ?? "").Where(c => !char.IsControl(c) && !char.IsSurrogate(c))]).Trim();
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
            Digitised = flags.Digitised,
            ReusedFromDigitisedData = flags.Reused,
            IsElectronicResult = flags.Electronic,
        };
        db.DossierDocuments.Add(document);
        await db.SaveChangesAsync(ct);
        return DocumentView.From(document);
    }

    /// <summary>Reads a multipart form: 415 without one, 400 when it is broken; a body over the server's limit stays a
    /// <see cref="BadHttpRequestException"/> (413 through <see cref="ApiExceptionHandler"/>). Shared with the other
    /// uploads into the document store (the PAR Index evidence).</summary>
    public static async Task<Result<IFormCollection>> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasFormContentType)
        {
            return new MultipartRefused(StatusCodes.Status415UnsupportedMediaType, "document.multipart_required", "Phải gửi tệp dạng multipart/form-data.");
        }

        try
        {
            return Result.Success(await request.ReadFormAsync(ct));
        }
        catch (Exception e) when (e is InvalidDataException || (e is IOException && e is not BadHttpRequestException && !ct.IsCancellationRequested))
        {
            // No boundary, a boundary over 70 characters, a bad part header (a CR/LF inside the file name), a body cut
            // short: the client's form is broken. A body over the server's limit stays a BadHttpRequestException (413).
            return new MultipartRefused(StatusCodes.Status400BadRequest, "document.malformed_multipart",
                "Nội dung multipart/form-data không hợp lệ (thiếu hoặc sai boundary, phần đầu sai, hoặc bị cắt ngắn).");
        }
    }

    /// <summary>An upload's error as the API answers it: a store refusal (413, 415…), a refused form (400, 415), or the
    /// usual mapping.</summary>
    public static IResult Problem(Error error) => error switch
    {
        DocumentError document => ToProblem(document),
        MultipartRefused multipart => ErrorMapping.Problem(multipart.Status, multipart.Message, multipart.Code),
        var other => other.ToProblem(),
    };

    private static readonly FieldMessage ComponentNameRequired =
        new FieldMessage("document.component_name", "Phải nêu thành phần hồ sơ của tệp (tối đa {0} ký tự).", DossierDocument.ComponentNameMaxLength);

    private static bool Flag(string? value) =>
        value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("on", StringComparison.OrdinalIgnoreCase));

    /// <summary>A request that is not a readable multipart form: 415 without one, 400 when it is broken.</summary>
    private sealed record MultipartRefused(int Status, string Code, string Message) : Error(Code, Message);
}
