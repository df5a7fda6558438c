using MotCua.Domain.Common;

namespace MotCua.Domain.Dossiers;

// The applicant's pauses: supplement requests and completion (desk and agency stage) and financial obligations
// (domain.md §5.6; docs/dossier-rules.md, clock policies).
public sealed partial class Dossier
{
    private Error? RequestSupplementFrom(RequestSupplementCommand command, DossierContext context, SortedDictionary<string, object> fields)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            return new FieldRequired(command.Trigger, new FieldMessage("dossier.label.supplement_reason", "lý do yêu cầu bổ sung"));
        }

        var now = context.NowUtc;
        var items = (command.Items ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList();
        if (command.AtDesk)
        {
            // ND 61/2018 Art. 17(2)(a): the desk tells the applicant ONCE, and completely, what to complete; a second
            // desk request before acceptance is refused (the desk accepts, or refuses with reasons).
            if (_supplements.Exists(s => s.Stage == SupplementStage.Desk))
            {
                return new DeskSupplementAlreadyRequested(_supplements.First(s => s.Stage == SupplementStage.Desk).RequestedAt);
            }

            if (items.Count == 0)
            {
                return new FieldRequired(command.Trigger, new FieldMessage("dossier.label.supplement_items", "danh sách giấy tờ cần bổ sung, hoàn thiện"));
            }
        }
        else
        {
            // ND 61/2018 Art. 19(4): the request must be sent within 3 working days of receipt (D7); later is a
            // compliance warning, not a block, because the dossier still needs the documents.
            var days = context.Calculator.WorkingDaysBetween(BusinessDate(ClockStartedAt!.Value), BusinessDate(now));
            fields["workingDaysSinceReceipt"] = days;
            if (days > 3)
            {
                Warn(fields, "supplement.requested_after_3_working_days");
            }

            if (SupplementPolicy == SupplementClockPolicy.SupplementPause && _supplements.Exists(s => s.Stage == SupplementStage.Agency))
            {
                // DVCQG (C1 §2.1): requesting a supplement more than once makes the dossier count as late.
                MarkedLateByRepeatedSupplement = true;
                Warn(fields, "supplement.repeated_marks_late");
            }
        }

        _supplements.Add(new SupplementRequest(command.AtDesk ? SupplementStage.Desk : SupplementStage.Agency, now, command.Reason.Trim(), items));
        fields["reason"] = command.Reason.Trim();
        fields["items"] = items;
        return null;
    }

    private Error? CompleteAgencySupplement(DossierContext context, SortedDictionary<string, object> fields)
    {
        var now = context.NowUtc;
        var request = _supplements.FindLast(s => s.Stage == SupplementStage.Agency && s.CompletedAt is null)
            ?? throw new InvalidOperationException("A dossier awaiting a supplement has no open supplement request.");
        if (SupplementPolicy == SupplementClockPolicy.SupplementRestart)
        {
            // ND 61/2018 Art. 19(4): "thời hạn giải quyết được tính lại từ đầu"; QĐ 45/2016 Art. 7(4) for postal.
            var due = context.Calculator.ComputeDue(now, TimeLimitValue, TimeLimitUnit, DeadlinePolicy, context.DeadlineOptions);
            if (due.IsFailure)
            {
                return new AppointmentNotComputed(due.Error);
            }

            ClockStartedAt = now;
            OriginalAppointmentAt = due.Value;
            CurrentAppointmentAt = due.Value;
            if (Apology is { } apology && apology.NewAppointmentAt > due.Value)
            {
                // A date promised in writing by the apology (ND 61/2018 Art. 19(9)) is never moved earlier by a
                // restart: the applicant keeps it (an earlier return stays possible, Art. 20(4)); the legal appointment
                // is the recomputed one. docs/dossier-rules.md, "Apology".
                CurrentAppointmentAt = apology.NewAppointmentAt;
                fields["apologyAppointmentKept"] = true;
            }

            fields["clock"] = "restarted";
        }
        else
        {
            OriginalAppointmentAt = Shift(OriginalAppointmentAt!.Value, request.RequestedAt, now, context.Calculator);
            CurrentAppointmentAt = Shift(CurrentAppointmentAt!.Value, request.RequestedAt, now, context.Calculator);
            fields["clock"] = "paused";
        }

        // The agency's step is not charged with the applicant's time under either policy.
        ShiftOpenSteps(request.RequestedAt, now, context.Calculator);
        request.Complete(now);
        fields["appointmentAt"] = CurrentAppointmentAt!.Value;
        return null;
    }

    private void ConfirmPaid(string? receiptNumber, DossierContext context, SortedDictionary<string, object> fields)
    {
        var now = context.NowUtc;
        var obligation = FinancialObligation
            ?? throw new InvalidOperationException("A dossier awaiting payment has no financial obligation.");
        if (FinancialObligationPausesClock)
        {
            OriginalAppointmentAt = Shift(OriginalAppointmentAt!.Value, obligation.RequestedAt, now, context.Calculator);
            CurrentAppointmentAt = Shift(CurrentAppointmentAt!.Value, obligation.RequestedAt, now, context.Calculator);
            ShiftOpenSteps(obligation.RequestedAt, now, context.Calculator);
            fields["appointmentAt"] = CurrentAppointmentAt!.Value;
        }

        FinancialObligation = obligation with { PaidAt = now, ReceiptNumber = receiptNumber };
        if (receiptNumber is not null)
        {
            fields["receiptNumber"] = receiptNumber;
        }
    }
}
