namespace MotCua.Domain.Calendar;

/// <summary>Switches of the deadline computation that provinces set in their one-stop regulations.</summary>
/// <remarks>ND 61/2018 has no counting rule for receipts after 15:00; Art. 18(2) only governs forwarding paper
/// dossiers. The switch is therefore explicit and off by default except for immediate procedures (D12).</remarks>
public sealed record DeadlineOptions
{
    /// <summary>The defaults: no cut-off shift, due at the close of the last session, D12 for immediate procedures.</summary>
    public static DeadlineOptions Default { get; } = new();

    /// <summary>A receipt after <see cref="WorkSchedule.SameDayCutoff"/> on a working day counts as received at the
    /// first session of the next working day (ND 61/2018 Art. 18(2) applied to counting).</summary>
    public bool CutoffShiftsStart { get; init; }

    /// <summary>When a limit counted in days ends; defaults to the close of the last session.</summary>
    public DueTimeOfDay DueTimeOfDay { get; init; } = DueTimeOfDay.CloseOfLastSession;

    /// <summary>An immediate procedure received after the cut-off is due at the end of the next working day (D12).</summary>
    public bool ImmediateAfterCutoffIsNextDay { get; init; } = true;
}
