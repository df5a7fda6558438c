using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;
using static MotCua.Domain.Dossiers.DossierTrigger;

namespace MotCua.Domain.Dossiers;

// The side effects of each trigger: this file dispatches; the handlers live by responsibility in Dossier.Receipt.cs,
// Dossier.Processing.cs, Dossier.Supplements.cs and Dossier.Closing.cs. Every handler validates first and mutates only
// when nothing can fail any more, so a returned error leaves the dossier untouched.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859:Use concrete types when possible for improved performance",
    Justification = "Handlers share one signature; most can return several error types as rules are added.")]
public sealed partial class Dossier
{
    private const string Warnings = "warnings";

    private Error? Apply(DossierCommand command, DossierContext context, SortedDictionary<string, object> fields)
    {
        var now = context.NowUtc;
        switch (command.Trigger)
        {
            case Accept:
                return command is AcceptCommand accept ? AcceptOnline(accept, context, fields) : Missing(command, nameof(AcceptCommand));
            case RequestDeskSupplement:
            case RequestSupplement:
                return command is RequestSupplementCommand supplement
                    ? RequestSupplementFrom(supplement, context, fields)
                    : Missing(command, nameof(RequestSupplementCommand));
            case Resubmit:
                _supplements.FindLast(s => s.Stage == SupplementStage.Desk && s.CompletedAt is null)?.Complete(now);
                return null;
            case RefuseAtReceipt:
            case Reject:
            case Stop:
            case CorrectResult:
                return command is ReasonCommand reasoned ? Close(reasoned, context, fields) : Missing(command, nameof(ReasonCommand));
            case Withdraw:
                return Close(command as ReasonCommand, context, fields);
            case Transfer:
                CompleteOpenSteps(now, classify: true);
                OpenStep(ProcessingStepKind.CompetentAgency, ReceivingUnitId, CompetentUnitId, null,
                    SumSlices(context, s => s.Role is PerformerRole.HandlingOfficer or PerformerRole.AgencyHead or PerformerRole.Clerk),
                    now, context);
                return null;
            case Assign:
                if (command is AssignCommand assign)
                {
                    AssignedOfficerId = assign.HandlingOfficerId;
                    fields["handlingOfficerId"] = assign.HandlingOfficerId.ToString("D");
                }

                return null;
            case StartAppraisal:
                AssignedOfficerId ??= context.Actor.Id;
                return null;
            case RequestConsultation:
                return command is RequestConsultationCommand consult ? Consult(consult, context, fields) : Missing(command, nameof(RequestConsultationCommand));
            case RecordOpinion:
                return command is RecordOpinionCommand opinion ? Record(opinion, now, fields) : Missing(command, nameof(RecordOpinionCommand));
            case CompleteConsultation:
                var unanswered = _consultations.Where(c => c.AnsweredAt is null).Select(c => c.AgencyName).ToList();
                if (unanswered.Count > 0)
                {
                    // ND 61/2018 Art. 19(5)(b): a consulted agency that is late is reported to the head of the desk.
                    Warn(fields, "consultation.unanswered");
                    fields["unansweredAgencies"] = unanswered;
                }

                return null;
            case SendToInterAgency:
                return SendAlongChain(command as SendToInterAgencyCommand, context, fields);
            case CompleteInterAgencyStep:
                return CompleteChainStep((command as CompleteInterAgencyStepCommand)?.AgencyName, context, fields);
            case ReturnFromInterAgency:
                var open = _steps.Count(s => s.Kind == ProcessingStepKind.InterAgency && s.CompletedAt is null);
                if (open > 0)
                {
                    return new InterAgencyStepsOpen(open);
                }

                ShiftOpenSteps(InterAgencySentAt ?? now, now, context.Calculator);
                InterAgencySentAt = null;
                return null;
            case CompleteSupplement:
                return CompleteAgencySupplement(context, fields);
            case RequestFinancialObligation:
                if (command is not RequestFinancialObligationCommand pay)
                {
                    return Missing(command, nameof(RequestFinancialObligationCommand));
                }

                if (pay.AmountVnd <= 0)
                {
                    return new InvalidValue(RequestFinancialObligation, new FieldMessage("dossier.label.amount", "số tiền"),
                        new FieldMessage("dossier.reason.positive", "phải lớn hơn 0"));
                }

                FinancialObligation = new FinancialObligation(pay.AmountVnd, pay.Description, now, null, null);
                fields["amountVnd"] = pay.AmountVnd;
                return null;
            case ConfirmPayment:
                ConfirmPaid((command as ConfirmPaymentCommand)?.ReceiptNumber, context, fields);
                return null;
            case Approve:
                ProcessingEndedAt ??= now;
                CompleteOpenSteps(now, classify: true);
                OpenStep(ProcessingStepKind.ReturnToDesk, CompetentUnitId, ReceivingUnitId, null, null, now, context);
                return null;
            case IssueApology:
                return command is IssueApologyCommand apology ? Apologise(apology, context, fields) : Missing(command, nameof(IssueApologyCommand));
            case ReturnResult:
                return HandOver(command as ReturnResultCommand, context, fields);
            case RecordDelivery:
                return command is RecordDeliveryCommand delivery ? Delivered(delivery, context, fields) : Missing(command, nameof(RecordDeliveryCommand));
            case CorrectApplicant:
                return command is CorrectApplicantCommand correction ? Correct(correction, fields) : Missing(command, nameof(CorrectApplicantCommand));
            default:
                // StartAppraisal, verification, SubmitForApproval, RequestRevision: the state change is the whole effect.
                return null;
        }
    }

    private static CommandPayloadMissing Missing(DossierCommand command, string expected) => new(command.Trigger, expected);

    private static void Warn(SortedDictionary<string, object> fields, string code)
    {
        if (!fields.TryGetValue(Warnings, out var list))
        {
            list = new List<string>();
            fields[Warnings] = list;
        }

        ((List<string>)list).Add(code);
    }
}
