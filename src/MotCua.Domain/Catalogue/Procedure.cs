using MotCua.Domain.Common;

namespace MotCua.Domain.Catalogue;

/// <summary>One effective-dated version of an administrative procedure (thủ tục hành chính) in the catalogue.</summary>
/// <remarks>
/// Carries every mandatory component of ND 63/2010 Art. 8(2) (as amended by ND 92/2017) plus the fields the
/// one-stop system needs (domain spec §2.3). A procedure code has several versions with non-overlapping
/// validity periods; a dossier keeps a reference to the version in force when it was received.
/// Instances are only created through <see cref="Create(ProcedureDraft)"/>, which validates all data.
/// </remarks>
public sealed class Procedure
{
    /// <summary>Default deadline policy: civil-code counting (domain spec §5.3).</summary>
    public const string DefaultDeadlinePolicy = "CalendarDayEnd";

    /// <summary>Default supplementation policy: the clock restarts (ND 61/2018 Art. 19(4)).</summary>
    public const string DefaultSupplementPolicy = "SupplementRestart";

    private readonly List<RequiredDocument> _requiredDocuments = [];
    private readonly List<FormTemplate> _forms = [];
    private readonly List<string> _conditions = [];
    private readonly List<Fee> _fees = [];
    private readonly List<ProcessStep> _internalProcess = [];
    private readonly List<LegalReference> _legalBasis = [];

    private Procedure()
    {
        Name = null!;
        Sector = null!;
        Agency = null!;
        Sequence = null!;
        ProcessingTime = null!;
        Result = null!;
        DeadlinePolicy = null!;
        SupplementPolicy = null!;
        Provenance = null!;
        SearchKey = null!;
    }

    /// <summary>Identifier of this version.</summary>
    public Guid Id { get; private set; }

    /// <summary>National procedure code (mã TTHC), shared by all versions.</summary>
    public ProcedureCode Code { get; private set; }

    /// <summary>Version number, from 1, unique per code.</summary>
    public int Version { get; private set; }

    /// <summary>First day (inclusive, Vietnam date) on which this version is in force.</summary>
    public DateOnly ValidFrom { get; private set; }

    /// <summary>Last day (inclusive) on which this version is in force; <see langword="null"/> while current.</summary>
    public DateOnly? ValidTo { get; private set; }

    /// <summary>Name (tên thủ tục).</summary>
    public string Name { get; private set; }

    /// <summary>Sector (lĩnh vực).</summary>
    public Sector Sector { get; private set; }

    /// <summary>Tier that handles the procedure.</summary>
    public ProcedureLevel Level { get; private set; }

    /// <summary>Online service level.</summary>
    public OnlineLevel OnlineLevel { get; private set; }

    /// <summary>Channels (cách thức thực hiện).</summary>
    public ProcedureChannels Channels { get; private set; }

    /// <summary>Kinds of applicant (đối tượng thực hiện).</summary>
    public SubjectKinds Subjects { get; private set; }

    /// <summary>Free-text description of the applicants.</summary>
    public string? SubjectDescription { get; private set; }

    /// <summary>Competent agency (cơ quan giải quyết).</summary>
    public CompetentAgency Agency { get; private set; }

    /// <summary>Sequence for the applicant (trình tự thực hiện).</summary>
    public string Sequence { get; private set; }

    /// <summary>Dossier components and copies.</summary>
    public IReadOnlyList<RequiredDocument> RequiredDocuments => _requiredDocuments;

    /// <summary>Prescribed forms.</summary>
    public IReadOnlyList<FormTemplate> Forms => _forms;

    /// <summary>Legal processing time.</summary>
    public ProcessingTime ProcessingTime { get; private set; }

    /// <summary>Longer limit that applies when verification is needed.</summary>
    public ProcessingTime? ExtendedProcessingTime { get; private set; }

    /// <summary>Vietnamese note on the processing time.</summary>
    public string? ProcessingTimeNote { get; private set; }

    /// <summary>Result (kết quả thực hiện).</summary>
    public string Result { get; private set; }

    /// <summary>Conditions (yêu cầu, điều kiện).</summary>
    public IReadOnlyList<string> Conditions => _conditions;

    /// <summary>Fees and charges.</summary>
    public IReadOnlyList<Fee> Fees => _fees;

    /// <summary>Whether any listed fee is non-zero, which makes a dossier "có nghĩa vụ tài chính" for 766 §3.5.</summary>
    public bool HasFees => _fees.Exists(f => f.AmountVnd > 0);

    /// <summary>Whether a financial obligation beyond the listed fees may arise (e.g. land use levy, registration fee).</summary>
    public bool FinancialObligation { get; private set; }

    /// <summary>Whether the procedure is handled by a chain of agencies (liên thông).</summary>
    public bool InterAgency { get; private set; }

    /// <summary>Deadline counting policy name.</summary>
    public string DeadlinePolicy { get; private set; }

    /// <summary>Supplementation clock policy name (<c>SupplementRestart</c> or <c>SupplementPause</c>), per version
    /// (docs/dossier-rules.md, "Clock policies").</summary>
    public string SupplementPolicy { get; private set; }

    /// <summary>Whether the time the applicant takes to pay a financial obligation is left out of the processing time.
    /// Sector law decides (domain.md §5.6, labelled [R]), so it is data of the version, not code.</summary>
    public bool FinancialObligationPausesClock { get; private set; }

    /// <summary>Internal process steps, in order; their slices sum exactly to <see cref="ProcessingTime"/>.</summary>
    public IReadOnlyList<ProcessStep> InternalProcess => _internalProcess;

    /// <summary>Legal basis.</summary>
    public IReadOnlyList<LegalReference> LegalBasis => _legalBasis;

    /// <summary>Where the data came from.</summary>
    public Provenance Provenance { get; private set; }

    /// <summary>Accent-folded code, name and sector, for <c>LIKE</c> search (see <see cref="ProcedureSearch"/>).</summary>
    public string SearchKey { get; private set; }

    /// <summary>Whether this version is in force on <paramref name="date"/>.</summary>
    public bool IsInForceOn(DateOnly date) => IsInForce(ValidFrom, ValidTo, date);

    /// <summary>Whether a version valid from <paramref name="validFrom"/> to <paramref name="validTo"/> (inclusive,
    /// open-ended when <see langword="null"/>) is in force on <paramref name="date"/>; for callers that read only the
    /// validity columns.</summary>
    public static bool IsInForce(DateOnly validFrom, DateOnly? validTo, DateOnly date) =>
        validFrom <= date && (validTo is null || date <= validTo.Value);

    /// <summary>Validates a draft and creates the procedure, or returns <see cref="CatalogueRejected"/> listing every problem.</summary>
    public static Result<Procedure> Create(ProcedureDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = Validate(draft);
        if (errors.Count > 0)
        {
            return new CatalogueRejected(errors);
        }

        var procedure = new Procedure
        {
            Id = draft.Id ?? Guid.CreateVersion7(),
            Code = new ProcedureCode(draft.Code),
            Version = draft.Version,
            ValidFrom = draft.ValidFrom,
            ValidTo = draft.ValidTo,
            Name = draft.Name.Trim(),
            Sector = draft.Sector!,
            Level = draft.Level,
            OnlineLevel = draft.OnlineLevel,
            Channels = draft.Channels,
            Subjects = draft.Subjects,
            SubjectDescription = draft.SubjectDescription,
            Agency = draft.Agency!,
            Sequence = draft.Sequence,
            ProcessingTime = draft.ProcessingTime!,
            ExtendedProcessingTime = draft.ExtendedProcessingTime,
            ProcessingTimeNote = draft.ProcessingTimeNote,
            Result = draft.Result,
            FinancialObligation = draft.FinancialObligation,
            InterAgency = draft.InterAgency,
            DeadlinePolicy = draft.DeadlinePolicy,
            SupplementPolicy = draft.SupplementPolicy,
            FinancialObligationPausesClock = draft.FinancialObligationPausesClock,
            Provenance = draft.Provenance!,
            SearchKey = VietnameseText.Fold($"{draft.Code} {draft.Name} {draft.Sector!.Name}"),
        };
        procedure._requiredDocuments.AddRange(draft.RequiredDocuments);
        procedure._forms.AddRange(draft.Forms);
        procedure._conditions.AddRange(draft.Conditions);
        procedure._fees.AddRange(draft.Fees);
        procedure._internalProcess.AddRange(draft.InternalProcess.OrderBy(s => s.Order));
        procedure._legalBasis.AddRange(draft.LegalBasis);
        return procedure;
    }

    /// <summary>Lists every problem with a draft; empty when it is valid.</summary>
    public static IReadOnlyList<CatalogueError> Validate(ProcedureDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return ProcedureValidator.Validate(draft);
    }
}
