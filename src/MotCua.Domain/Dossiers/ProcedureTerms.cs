using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;

namespace MotCua.Domain.Dossiers;

/// <summary>What the workflow needs from the procedure version a dossier is judged by.</summary>
/// <param name="TimeLimit">The legal processing time.</param>
/// <param name="DeadlinePolicy">How working days are counted.</param>
/// <param name="SupplementPolicy">What an agency-stage supplement does to the clock.</param>
/// <param name="FinancialObligationPausesClock">Whether waiting for payment pauses the clock (sector law, per procedure).</param>
/// <param name="InternalSteps">The internal process with slices, in order; slices of
/// <see cref="PerformerRole.OtherAgency"/> steps are the inter-agency chain.</param>
public sealed record ProcedureTerms(
    ProcessingTime TimeLimit,
    DeadlinePolicy DeadlinePolicy,
    SupplementClockPolicy SupplementPolicy,
    bool FinancialObligationPausesClock,
    IReadOnlyList<ProcessStep> InternalSteps)
{
    /// <summary>Reads the terms of a catalogue version; the catalogue stores the policies by name and the pause flag
    /// per version (docs/dossier-rules.md, clock policies).</summary>
    /// <param name="procedure">The procedure version the dossier is received under.</param>
    public static Result<ProcedureTerms> From(Procedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        // By name only: Enum.TryParse would also accept numbers such as "1".
        if (!Enum.GetNames<DeadlinePolicy>().Contains(procedure.DeadlinePolicy, StringComparer.Ordinal))
        {
            return new UnknownPolicy("deadline", procedure.DeadlinePolicy);
        }

        if (!Enum.GetNames<SupplementClockPolicy>().Contains(procedure.SupplementPolicy, StringComparer.Ordinal))
        {
            return new UnknownPolicy("supplement", procedure.SupplementPolicy);
        }

        var deadline = Enum.Parse<DeadlinePolicy>(procedure.DeadlinePolicy);
        var supplement = Enum.Parse<SupplementClockPolicy>(procedure.SupplementPolicy);
        return new ProcedureTerms(procedure.ProcessingTime, deadline, supplement, procedure.FinancialObligationPausesClock, procedure.InternalProcess);
    }
}
