using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using static MotCua.Domain.Dossiers.DossierTrigger;

namespace MotCua.Domain.Dossiers;

// Closing: refusal, rejection, stop, withdrawal, result correction; and the apology that precedes a late close
// (docs/dossier-rules.md).
public sealed partial class Dossier
{
    private Error? Close(ReasonCommand? command, DossierContext context, SortedDictionary<string, object> fields)
    {
        var trigger = command?.Trigger ?? Withdraw;
        if (trigger != Withdraw && string.IsNullOrWhiteSpace(command?.Reason))
        {
            return new FieldRequired(trigger, new FieldMessage("dossier.label.reason", "lý do"));
        }

        if (!string.IsNullOrWhiteSpace(command?.Reason))
        {
            fields["reason"] = command.Reason.Trim();
        }

        var now = context.NowUtc;
        switch (trigger)
        {
            case Reject:
                // ND 61/2018 Art. 19(8): the refusal notice is the result; processing ends with it. It must be issued
                // within the processing time: a later one is classified late and carries a warning
                // (docs/dossier-rules.md, "Rejection after appraisal").
                ProcessingEndedAt ??= now;
                CompleteOpenSteps(now, classify: true);
                var timeliness = Classify();
                if (timeliness is { } classified)
                {
                    fields["timeliness"] = classified.ToString();
                }

                if (timeliness == Timeliness.Late)
                {
                    Warn(fields, "reject.after_deadline");
                }

                break;
            case Stop:
            case Withdraw:
                // Withdrawal counts as the end only for received dossiers (C1 §2.1); steps cut short are not scored.
                if (ReceivedAt is not null)
                {
                    ProcessingEndedAt ??= now;
                }

                CompleteOpenSteps(now, classify: false);
                break;
            case CorrectResult:
                // ND 61/2018 Art. 21(1): corrected at the agency's cost; the original end time stays.
                OpenStep(ProcessingStepKind.ReturnToDesk, CompetentUnitId, ReceivingUnitId, null, null, now, context, scored: false);
                break;
        }

        return null;
    }

    private Error? Apologise(IssueApologyCommand command, DossierContext context, SortedDictionary<string, object> fields)
    {
        if (Apology is not null || ExtensionCount >= 1)
        {
            return new ExtensionAlreadyUsed(Apology?.IssuedAt ?? context.NowUtc);
        }

        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            return new FieldRequired(IssueApology, new FieldMessage("dossier.label.apology_reason", "lý do chậm trả kết quả"));
        }

        if (string.IsNullOrWhiteSpace(command.SignerName))
        {
            return new FieldRequired(IssueApology, new FieldMessage("dossier.label.signer", "người ký"));
        }

        RequireUtc(command.NewAppointmentAtUtc, nameof(command));
        var current = CurrentAppointmentAt!.Value;
        if (command.NewAppointmentAtUtc <= current)
        {
            return new NewAppointmentNotLater(current, command.NewAppointmentAtUtc);
        }

        if (command.NewAppointmentAtUtc - current > DossierTimeLimits.MaxApologyExtension)
        {
            return new NewAppointmentTooFar(current, command.NewAppointmentAtUtc);
        }

        var dueDate = DueDate(current);
        var latest = LatestApologyDate(dueDate, context.Apology, context.Calculator.Calendar);
        var late = BusinessDate(context.NowUtc) > latest;
        if (late)
        {
            if (context.Apology.LateApology == LateApologyHandling.Reject)
            {
                return new ApologyTooLate(dueDate, latest);
            }

            Warn(fields, "apology.late");
        }

        Apology = new Apology(command.Reason.Trim(), current, command.NewAppointmentAtUtc, command.SignerName.Trim(), context.NowUtc, late);
        ExtensionCount = 1;
        CurrentAppointmentAt = command.NewAppointmentAtUtc;
        fields["reason"] = Apology.Reason;
        fields["previousAppointmentAt"] = current;
        fields["appointmentAt"] = command.NewAppointmentAtUtc;
        fields["signer"] = Apology.SignerName;
        // The head who signs is the actor (role AgencyHead of the competent unit); the entry's actor id identifies them.
        return null;
    }

    // The calendar is needed only when the rule counts working days (AllowedTriggers checks that before calling).
    private static DateOnly LatestApologyDate(DateOnly dueDate, ApologyRules rules, WorkingCalendar? calendar)
    {
        if (!rules.CountWorkingDays)
        {
            return dueDate.AddDays(-rules.DaysBefore);
        }

        ArgumentNullException.ThrowIfNull(calendar);
        var date = dueDate;
        for (var i = 0; i < rules.DaysBefore; i++)
        {
            date = calendar.PreviousWorkingDay(date);
        }

        return date;
    }
}
