using MotCua.Domain.Common;
using MotCua.Domain.ParIndex;
using MotCua.Web.Api;
using MotCua.Web.Documents;
using MotCua.Web.Features.DossierDocuments;

namespace MotCua.Web.Features.ParIndex;

/// <summary>An evidence file (form field <c>file</c>) put into the content-addressed document store, answered with the
/// reference evidence takes (<c>{kind: "Document", reference: sha256}</c>): the self-assessment's and the remediation
/// plan's uploads, with the dossier documents' size and type rules.</summary>
internal static class ParEvidenceUpload
{
    /// <summary>Uploads unless <paramref name="refused"/> (why the caller may not upload here) is set; <paramref name="location"/> is the record uploaded to.</summary>
    public static async Task<IResult> UploadAsync(Error? refused, HttpRequest request, IDocumentContentStore store, string location, CancellationToken ct)
    {
        if (refused is not null)
        {
            return DocumentUploadHandler.Problem(refused);
        }

        var form = await DocumentUploadHandler.ReadFormAsync(request, ct);
        if (form.IsFailure)
        {
            return DocumentUploadHandler.Problem(form.Error);
        }

        if (form.Value.Files.GetFile("file") is not { } file)
        {
            return DocumentUploadHandler.Problem(ValidationFailed.One("file", new FieldMessage("document.file_required", "Phải chọn tệp tải lên.")));
        }

        await using var content = file.OpenReadStream();
        var stored = await store.PutAsync(content, file.ContentType, file.FileName, ct);
        return stored.IsSuccess
            ? TypedResults.Created(location, new ParEvidenceUploaded(nameof(ParEvidenceKind.Document), stored.Value.Sha256Hex, stored.Value.Length, stored.Value.ContentType))
            : DocumentUploadHandler.Problem(stored.Error);
    }
}
