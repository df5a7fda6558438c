namespace MotCua.Persistence.Dossiers;

/// <summary>One uploaded file on a dossier: the metadata; the bytes live in the content store under
/// <see cref="Sha256"/> (Web/Documents), so the same bytes uploaded twice are stored once.</summary>
public sealed class DossierDocument
{
    public const int ComponentNameMaxLength = 500;
    public const int FileNameMaxLength = 255;
    public const int ContentTypeMaxLength = 100;

    public Guid Id { get; set; }

    public Guid DossierId { get; set; }

    /// <summary>The dossier component (thành phần hồ sơ) it answers, as named by the procedure, or a free label for a
    /// result or an officer's scan.</summary>
    public string ComponentName { get; set; } = "";

    /// <summary>The position of the component in the procedure's required documents (0-based), when it is one.</summary>
    public int? RequiredDocumentIndex { get; set; }

    /// <summary>The client's file name, for downloads only (personal data: never logged).</summary>
    public string? FileName { get; set; }

    /// <summary>SHA-256 of the bytes, 64 lower-case hex digits: the address in the content store.</summary>
    public string Sha256 { get; set; } = "";

    public long Length { get; set; }

    /// <summary>The media type detected from the bytes.</summary>
    public string ContentType { get; set; } = "";

    public Guid UploadedBy { get; set; }

    public DateTime UploadedAt { get; set; }

    public DocumentUploaderKind UploaderKind { get; set; }

    /// <summary>Service index (QĐ 766/QĐ-TTg): the component was digitised at receipt.</summary>
    public bool Digitised { get; set; }

    /// <summary>Service index: the component was reused from already digitised data instead of being asked again.</summary>
    public bool ReusedFromDigitisedData { get; set; }

    /// <summary>Service index: the file is an electronic result of the procedure.</summary>
    public bool IsElectronicResult { get; set; }
}
