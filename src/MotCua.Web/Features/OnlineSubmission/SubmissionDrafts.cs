using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Persistence.Dossiers;
using MotCua.Persistence.Portal;
using MotCua.Web.Api;
using MotCua.Web.Documents;
using MotCua.Web.Features.DossierDocuments;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.OnlineSubmission;

/// <summary>The citizen's server-side drafts of online submissions (issue 8 §5): one per account and procedure version,
/// the form's fields and the files already uploaded (checked by the document content store when they arrive, so a
/// refused file is reported at once). Submitting a draft goes through <see cref="CreateDossier.Handler"/> (channel
/// Online, the draft's id as idempotency key, so a double click creates one dossier) and attaches each file through
/// <see cref="DocumentUploadHandler.AttachAsync"/>: no rule of either is written here.</summary>
public sealed class SubmissionDrafts(
    AppDbContext db, TimeProvider clock, IDocumentContentStore store, CreateDossier.Handler create, DocumentUploadHandler upload)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The form's fields as the citizen left them (nothing validated: a draft may be incomplete).</summary>
    public sealed record Fields(
        string? FullName, string? IdentityNumber, string? Phone, string? Email, string? Address, Guid? ReceivingUnitId,
        Guid? CompetentUnitId, ResultReturnMethod ReturnMethod, string? ReturnAddress, string? Note);

    public sealed record FileView(int Index, string ComponentName, string? FileName, long Length, DateTime UploadedAt);

    public sealed record Draft(Guid Id, Guid ProcedureId, Fields Fields, IReadOnlyList<FileView> Files, DateTime UpdatedAt);

    public sealed record Summary(Guid ProcedureId, string ProcedureName, DateTime UpdatedAt, int FileCount);

    /// <summary>A file for the required document <paramref name="Index"/>, named <paramref name="ComponentName"/>.</summary>
    public sealed record NewFile(int Index, string ComponentName, Stream Content, string? ContentType, string? FileName);

    /// <summary>The draft after saving, and the files the content store refused (by required-document index).</summary>
    public sealed record Saved(Draft Draft, IReadOnlyDictionary<int, Error> FileErrors);

    /// <summary>The dossier created from the draft, and any file that could not be attached (by required-document index).</summary>
    public sealed record Submitted(DossierCreated Dossier, IReadOnlyDictionary<int, Error> FileErrors);

    public async Task<Draft?> FindAsync(ClaimsPrincipal user, Guid procedureId, CancellationToken ct)
    {
        if (DossierAccess.UserId(user) is not { } userId)
        {
            return null;
        }

        var draft = await db.SubmissionDrafts.AsNoTracking().Include(d => d.Files)
            .SingleOrDefaultAsync(d => d.OwnerUserId == userId && d.ProcedureId == procedureId, ct);
        return draft is null ? null : View(draft);
    }

    /// <summary>The caller's drafts, most recently saved first.</summary>
    public async Task<IReadOnlyList<Summary>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (DossierAccess.UserId(user) is not { } userId)
        {
            return [];
        }

        var rows = await db.SubmissionDrafts.AsNoTracking().Where(d => d.OwnerUserId == userId)
            .Join(db.Procedures, d => d.ProcedureId, p => p.Id, (d, p) => new { d.ProcedureId, p.Name, d.UpdatedAt, Files = d.Files.Count })
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.UpdatedAt).Select(r => new Summary(r.ProcedureId, r.Name, r.UpdatedAt, r.Files))];
    }

    /// <summary>Creates or updates the caller's draft of <paramref name="procedureId"/>: the fields replace the old ones, a
    /// new file replaces the one kept for the same required document. A refused file is reported, the rest is saved.</summary>
    public async Task<Result<Saved>> SaveAsync(
        ClaimsPrincipal user, Guid procedureId, Fields fields, IReadOnlyList<NewFile> files, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (DossierAccess.UserId(user) is not { } userId)
        {
            return new OutOfScope("chưa đăng nhập");
        }

        var text = JsonSerializer.Serialize(fields, Json);
        if (text.Length > SubmissionDraft.FieldsMaxLength)
        {
            return ValidationFailed.One("fields", new FieldMessage("draft.too_long", "Nội dung nháp quá dài."));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var draft = await db.SubmissionDrafts.Include(d => d.Files)
            .SingleOrDefaultAsync(d => d.OwnerUserId == userId && d.ProcedureId == procedureId, ct);
        if (draft is null)
        {
            draft = new SubmissionDraft { Id = Guid.CreateVersion7(clock.GetUtcNow()), OwnerUserId = userId, ProcedureId = procedureId, CreatedAt = now };
            db.SubmissionDrafts.Add(draft);
        }

        draft.Fields = text;
        draft.UpdatedAt = now;
        var errors = new Dictionary<int, Error>();
        foreach (var file in files)
        {
            var stored = await store.PutAsync(file.Content, file.ContentType, file.FileName, ct);
            if (stored.IsFailure)
            {
                errors[file.Index] = stored.Error;
                continue;
            }

            draft.Files.RemoveAll(f => f.RequiredDocumentIndex == file.Index);
            var name = new string([.. Path.GetFileName(file.FileName ?? "").Where(c => !char.IsControl(c) && !char.IsSurrogate(c))]).Trim();
            draft.Files.Add(new SubmissionDraftFile
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                DraftId = draft.Id,
                RequiredDocumentIndex = file.Index,
                ComponentName = file.ComponentName.Length > DossierDocument.ComponentNameMaxLength ? file.ComponentName[..DossierDocument.ComponentNameMaxLength] : file.ComponentName,
                FileName = name.Length is > 0 and <= DossierDocument.FileNameMaxLength ? name : null,
                Sha256 = stored.Value.Sha256Hex,
                Length = stored.Value.Length,
                ContentType = stored.Value.ContentType,
                UploadedAt = now,
            });
        }

        await db.SaveChangesAsync(ct);
        return new Saved(View(draft), errors);
    }

    public async Task<bool> DeleteAsync(ClaimsPrincipal user, Guid procedureId, CancellationToken ct)
    {
        if (DossierAccess.UserId(user) is not { } userId)
        {
            return false;
        }

        return await db.SubmissionDrafts.Where(d => d.OwnerUserId == userId && d.ProcedureId == procedureId).ExecuteDeleteAsync(ct) > 0;
    }

    /// <summary>Submits the caller's saved draft as an online dossier, attaches its files and removes the draft.</summary>
    public async Task<Result<Submitted>> SubmitAsync(ClaimsPrincipal user, Guid procedureId, CancellationToken ct)
    {
        if (await FindAsync(user, procedureId, ct) is not { } draft)
        {
            return new NotFoundError($"bản nháp của thủ tục {procedureId}");
        }

        var f = draft.Fields;
        var request = new CreateDossier.CreateDossierRequest(
            DossierChannel.Online, procedureId, f.ReceivingUnitId, f.CompetentUnitId,
            new CreateDossier.ApplicantInput(f.FullName, f.IdentityNumber, f.Phone, f.Email, f.Address),
            Note: string.IsNullOrWhiteSpace(f.Note) ? null : f.Note, ReturnMethod: f.ReturnMethod,
            ReturnAddress: f.ReturnMethod == ResultReturnMethod.Postal ? f.ReturnAddress : null);
        var created = await create.Handle(request, user, "draft:" + draft.Id.ToString("N"), ct);
        if (created.IsFailure)
        {
            return created.Error;
        }

        var dossier = created.Value.Response;
        var errors = new Dictionary<int, Error>();
        // A replay (the draft outlived an earlier successful submission) already has its files.
        var stored = created.Value.Replayed ? [] : await db.SubmissionDrafts.AsNoTracking().Where(d => d.Id == draft.Id).SelectMany(d => d.Files).ToListAsync(ct);
        foreach (var file in stored.OrderBy(x => x.RequiredDocumentIndex))
        {
            var content = await store.OpenReadAsync(file.Sha256, ct);
            if (content.IsFailure)
            {
                errors[file.RequiredDocumentIndex] = content.Error;
                continue;
            }

            await using var stream = content.Value;
            var attached = await upload.AttachAsync(dossier.Id, stream, file.ContentType, file.FileName, file.ComponentName, file.RequiredDocumentIndex, user, ct);
            if (attached.IsFailure)
            {
                errors[file.RequiredDocumentIndex] = attached.Error;
            }
        }

        await db.SubmissionDrafts.Where(d => d.Id == draft.Id).ExecuteDeleteAsync(ct);
        return new Submitted(dossier, errors);
    }

    private static Draft View(SubmissionDraft d) => new(
        d.Id, d.ProcedureId, JsonSerializer.Deserialize<Fields>(d.Fields, Json) ?? Empty,
        [.. d.Files.OrderBy(f => f.RequiredDocumentIndex).Select(f => new FileView(f.RequiredDocumentIndex, f.ComponentName, f.FileName, f.Length, f.UploadedAt))],
        d.UpdatedAt);

    private static readonly Fields Empty = new(null, null, null, null, null, null, null, ResultReturnMethod.AtDesk, null, null);
}
