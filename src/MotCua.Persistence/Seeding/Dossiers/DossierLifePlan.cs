using MotCua.Domain.Dossiers;

namespace MotCua.Persistence.Seeding.Dossiers;

/// <summary>What a generated dossier goes through: how it starts, the side paths it takes and the state it stops in.</summary>
/// <param name="Data">Ids, procedure, units, channel and applicant.</param>
/// <param name="Terms">The procedure's terms (the demo may override the supplement policy).</param>
/// <param name="SubmittedAt">Online or postal submission instant (UTC).</param>
/// <param name="ReceivedAt">Receipt instant (UTC): counter receipt, acceptance or postal handover.</param>
/// <param name="Code">The pre-allocated code; null when the dossier is never received.</param>
/// <param name="Target">The state the dossier stops in (if the generator's "today" does not stop it earlier).</param>
/// <param name="Late">Whether the result is approved after the appointment.</param>
/// <param name="ApologyWanted">Whether an apology (Form 04) with a new appointment is issued early in appraisal.</param>
/// <param name="Supplement">Whether the agency asks for a supplement during appraisal.</param>
/// <param name="InterAgency">Whether the dossier goes through one inter-agency (liên thông) step.</param>
/// <param name="Consultation">Whether an opinion is requested.</param>
/// <param name="Verification">Whether a verification round happens.</param>
/// <param name="FinancialObligation">Whether a fee must be paid before the result.</param>
/// <param name="Seed">The seed of the dossier's own random durations.</param>
public sealed record DossierLifePlan(
    NewDossier Data,
    ProcedureTerms Terms,
    DateTime SubmittedAt,
    DateTime ReceivedAt,
    DossierCode? Code,
    DossierStatus Target,
    bool Late = false,
    bool ApologyWanted = false,
    bool Supplement = false,
    bool InterAgency = false,
    bool Consultation = false,
    bool Verification = false,
    bool FinancialObligation = false,
    int Seed = 0);
