namespace MotCua.Domain.Dossiers;

/// <summary>One row of the control sheet (Form 05): a handover, the step deadline and its classification.</summary>
/// <remarks>Rows are classified early / on time / late when completed, for TT 01/2018 Art. 13 Index 2. A pending
/// inter-agency row (sequential chain) has no <see cref="HandedOverAt"/> yet.</remarks>
public sealed class ProcessingStep
{
    private ProcessingStep()
    {
    }

    internal ProcessingStep(int index, ProcessingStepKind kind, Guid? fromUnitId, Guid? toUnitId, string? agencyName, decimal? slice)
    {
        Id = Guid.CreateVersion7();
        Index = index;
        Kind = kind;
        FromUnitId = fromUnitId;
        ToUnitId = toUnitId;
        AgencyName = agencyName;
        Slice = slice;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>0-based position on the sheet.</summary>
    public int Index { get; private set; }

    /// <summary>What the row covers.</summary>
    public ProcessingStepKind Kind { get; private set; }

    /// <summary>The unit handing over; <see langword="null"/> for the applicant or an agency known only by name.</summary>
    public Guid? FromUnitId { get; private set; }

    /// <summary>The unit receiving; <see langword="null"/> for an agency known only by name.</summary>
    public Guid? ToUnitId { get; private set; }

    /// <summary>The receiving agency's name for inter-agency rows.</summary>
    public string? AgencyName { get; private set; }

    /// <summary>Time allotted, in the procedure's unit; <see langword="null"/> when the row's deadline is the appointment.</summary>
    public decimal? Slice { get; private set; }

    /// <summary>When the receiving side got the dossier (UTC).</summary>
    public DateTime? HandedOverAt { get; private set; }

    /// <summary>Step deadline (UTC); <see langword="null"/> when no time is allotted.</summary>
    public DateTime? Deadline { get; private set; }

    /// <summary>When the receiving side handed the dossier on (UTC).</summary>
    public DateTime? CompletedAt { get; private set; }

    /// <summary>Trước hạn / đúng hạn / quá hạn; set on completion when there is a deadline.</summary>
    public Timeliness? Result { get; private set; }

    /// <summary>Whether the step has started and not finished.</summary>
    public bool IsOpen => HandedOverAt is not null && CompletedAt is null;

    internal void Start(DateTime atUtc, DateTime? deadlineUtc)
    {
        HandedOverAt = atUtc;
        Deadline = deadlineUtc;
    }

    internal void ShiftDeadline(DateTime deadlineUtc) => Deadline = deadlineUtc;

    internal void Complete(DateTime atUtc, Timeliness? result)
    {
        CompletedAt = atUtc;
        Result = result;
    }
}
