namespace MotCua.Persistence.Portal;

/// <summary>A citizen's online submission in progress (issue 8 §5): the form's fields as JSON and the files already
/// uploaded, owned by the account, one per procedure version. Not a dossier: no workflow state, nothing legal.</summary>
public sealed class SubmissionDraft
{
    public const int FieldsMaxLength = 16000;

    public Guid Id { get; set; }

    public Guid OwnerUserId { get; set; }

    public Guid ProcedureId { get; set; }

    /// <summary>The form's fields (applicant, units, return method, note) as JSON; the fields' own limits (DossierFieldLimits)
    /// keep it under <see cref="FieldsMaxLength"/> (checked before saving).</summary>
    public string Fields { get; set; } = "{}";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<SubmissionDraftFile> Files { get; } = [];
}

/// <summary>A file kept with a draft: its bytes are in the document content store under <see cref="Sha256"/>.</summary>
public sealed class SubmissionDraftFile
{
    public Guid Id { get; set; }

    public Guid DraftId { get; set; }

    /// <summary>The required document's 0-based index in the procedure version.</summary>
    public int RequiredDocumentIndex { get; set; }

    public string ComponentName { get; set; } = "";

    public string? FileName { get; set; }

    public string Sha256 { get; set; } = "";

    public long Length { get; set; }

    public string ContentType { get; set; } = "";

    public DateTime UploadedAt { get; set; }
}
