namespace MotCua.Domain.Catalogue;

/// <summary>Unvalidated input for <see cref="Procedure.Create(ProcedureDraft)"/>; field names match the seed JSON.</summary>
public sealed record ProcedureDraft
{
    /// <summary>Identifier to use; a new version-7 GUID when <see langword="null"/>.</summary>
    public Guid? Id { get; init; }

    /// <summary>National procedure code or a <c>LOCAL.</c> placeholder.</summary>
    public string Code { get; init; } = "";

    /// <summary>Version number of this code's entry, from 1.</summary>
    public int Version { get; init; } = 1;

    /// <summary>First day (inclusive) on which this version is in force.</summary>
    public DateOnly ValidFrom { get; init; }

    /// <summary>Last day (inclusive) on which this version is in force; open-ended when <see langword="null"/>.</summary>
    public DateOnly? ValidTo { get; init; }

    /// <summary>Name (tên thủ tục).</summary>
    public string Name { get; init; } = "";

    /// <summary>Sector (lĩnh vực).</summary>
    public Sector? Sector { get; init; }

    /// <summary>Tier that handles the procedure.</summary>
    public ProcedureLevel Level { get; init; }

    /// <summary>Online service level.</summary>
    public OnlineLevel OnlineLevel { get; init; }

    /// <summary>Channels (cách thức thực hiện).</summary>
    public ProcedureChannels Channels { get; init; }

    /// <summary>Kinds of applicant (đối tượng thực hiện).</summary>
    public SubjectKinds Subjects { get; init; }

    /// <summary>Free-text description of the applicants, when the kinds are not enough.</summary>
    public string? SubjectDescription { get; init; }

    /// <summary>Competent agency (cơ quan giải quyết).</summary>
    public CompetentAgency? Agency { get; init; }

    /// <summary>Sequence of steps for the applicant (trình tự thực hiện).</summary>
    public string Sequence { get; init; } = "";

    /// <summary>Dossier components and copies (thành phần, số lượng hồ sơ).</summary>
    public IReadOnlyList<RequiredDocument> RequiredDocuments { get; init; } = [];

    /// <summary>Prescribed forms (mẫu đơn, tờ khai).</summary>
    public IReadOnlyList<FormTemplate> Forms { get; init; } = [];

    /// <summary>Legal processing time (thời hạn giải quyết).</summary>
    public ProcessingTime? ProcessingTime { get; init; }

    /// <summary>Longer limit allowed when verification is needed (e.g. marriage registration: 5 working days).</summary>
    public ProcessingTime? ExtendedProcessingTime { get; init; }

    /// <summary>Vietnamese note on the processing time (cut-off, when the extended limit applies).</summary>
    public string? ProcessingTimeNote { get; init; }

    /// <summary>Result (kết quả thực hiện).</summary>
    public string Result { get; init; } = "";

    /// <summary>Conditions (yêu cầu, điều kiện).</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];

    /// <summary>Fees and charges (phí, lệ phí).</summary>
    public IReadOnlyList<Fee> Fees { get; init; } = [];

    /// <summary>Whether the procedure is handled by a chain of agencies (liên thông).</summary>
    public bool InterAgency { get; init; }

    /// <summary>Whether the applicant may owe a financial obligation beyond the listed fees (e.g. land use levy).</summary>
    public bool FinancialObligation { get; init; }

    /// <summary>Deadline counting policy name (domain spec §5.3).</summary>
    public string DeadlinePolicy { get; init; } = Procedure.DefaultDeadlinePolicy;

    /// <summary>Supplementation clock policy name (domain spec §5.6).</summary>
    public string SupplementPolicy { get; init; } = Procedure.DefaultSupplementPolicy;

    /// <summary>Whether waiting for the applicant's payment pauses the clock (domain spec §5.6; sector law).</summary>
    public bool FinancialObligationPausesClock { get; init; }

    /// <summary>Internal process steps (quy trình nội bộ) with time slices.</summary>
    public IReadOnlyList<ProcessStep> InternalProcess { get; init; } = [];

    /// <summary>Legal basis (căn cứ pháp lý).</summary>
    public IReadOnlyList<LegalReference> LegalBasis { get; init; } = [];

    /// <summary>Where the data came from.</summary>
    public Provenance? Provenance { get; init; }
}
