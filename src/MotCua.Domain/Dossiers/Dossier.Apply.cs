using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;
using static MotCua.Domain.Dossiers.DossierTrigger;

namespace MotCua.Domain.Dossiers;

// The side effects of each trigger. Every handler validates first and mutates only when nothing can fail any more,
// so a returned error leaves the dossier untouched.
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
                    return new InvalidValue(RequestFinancialObligation, "số tiền", "phải lớn hơn 0");
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
                ReturnedAt ??= now;
                CompleteOpenSteps(now, classify: true);
                return null;
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

    private Error? AcceptOnline(AcceptCommand command, DossierContext context, SortedDictionary<string, object> fields)
    {
        var receivedAt = context.NowUtc;
        if (command.HandoverSignedAtUtc is { } handover)
        {
            RequireUtc(handover, nameof(command));
            if (Channel != DossierChannel.Postal)
            {
                return new InvalidReceiptTime("chỉ hồ sơ gửi qua bưu chính có biên bản giao nhận");
            }

            if (handover > context.NowUtc)
            {
                return new InvalidReceiptTime("biên bản giao nhận ký sau thời điểm hiện tại");
            }

            if (handover < SubmittedAt)
            {
                return new InvalidReceiptTime("biên bản giao nhận ký trước khi hồ sơ được ghi nhận");
            }

            // QĐ 45/2016/QĐ-TTg Art. 7(4): the legal submission moment is the signing of the handover record.
            receivedAt = handover;
        }

        var due = PrepareReceipt(command.Code, receivedAt, context);
        if (due.IsFailure)
        {
            return due.Error;
        }

        Receive(command.Code, receivedAt, due.Value, context, fields);
        return null;
    }

    private void Receive(DossierCode code, DateTime receivedAt, DateTime due, DossierContext context, SortedDictionary<string, object> fields)
    {
        var terms = context.Procedure;
        Code = code;
        ReceivedAt = receivedAt;
        ClockStartedAt = receivedAt;
        TimeLimitValue = terms.TimeLimit.Value;
        TimeLimitUnit = terms.TimeLimit.Unit;
        DeadlinePolicy = terms.DeadlinePolicy;
        SupplementPolicy = terms.SupplementPolicy;
        FinancialObligationPausesClock = terms.FinancialObligationPausesClock;
        CalendarVersion = context.CalendarVersion;
        OriginalAppointmentAt = due;
        CurrentAppointmentAt = due;

        // The desk's own slice: the leading desk steps of the internal process (TT 01/2018 Art. 8).
        var deskSlice = terms.InternalSteps.OrderBy(s => s.Order).TakeWhile(s => s.Role == PerformerRole.DeskOfficer).Sum(s => s.Slice);
        OpenStep(ProcessingStepKind.Reception, null, ReceivingUnitId, null, deskSlice, receivedAt, context);

        fields["code"] = code.Format();
        fields["receivedAt"] = receivedAt;
        fields["appointmentAt"] = due;
        fields["deadlinePolicy"] = DeadlinePolicy.ToString();
        fields["supplementPolicy"] = SupplementPolicy.ToString();
        fields["calendarVersion"] = CalendarVersion;
    }

    private Error? RequestSupplementFrom(RequestSupplementCommand command, DossierContext context, SortedDictionary<string, object> fields)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            return new FieldRequired(command.Trigger, "lý do yêu cầu bổ sung");
        }

        var now = context.NowUtc;
        var items = (command.Items ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList();
        if (!command.AtDesk)
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

    private Error? Close(ReasonCommand? command, DossierContext context, SortedDictionary<string, object> fields)
    {
        var trigger = command?.Trigger ?? Withdraw;
        if (trigger != Withdraw && string.IsNullOrWhiteSpace(command?.Reason))
        {
            return new FieldRequired(trigger, "lý do");
        }

        if (!string.IsNullOrWhiteSpace(command?.Reason))
        {
            fields["reason"] = command.Reason.Trim();
        }

        var now = context.NowUtc;
        switch (trigger)
        {
            case Reject:
                // ND 61/2018 Art. 19(8): the refusal notice is the result; processing ends with it.
                ProcessingEndedAt ??= now;
                CompleteOpenSteps(now, classify: true);
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

    private Error? Consult(RequestConsultationCommand command, DossierContext context, SortedDictionary<string, object> fields)
    {
        if (command.Agencies is null || command.Agencies.Count == 0)
        {
            return new FieldRequired(RequestConsultation, "cơ quan được lấy ý kiến");
        }

        var created = new List<Consultation>();
        foreach (var request in command.Agencies)
        {
            if (string.IsNullOrWhiteSpace(request.AgencyName))
            {
                return new FieldRequired(RequestConsultation, "tên cơ quan được lấy ý kiến");
            }

            if (request.OpinionWorkingDays <= 0)
            {
                return new InvalidValue(RequestConsultation, "thời hạn trả lời", "phải lớn hơn 0 ngày làm việc");
            }

            // ND 61/2018 Art. 19(5)(a): the request states the opinion deadline.
            var due = context.Calculator.ComputeDue(
                context.NowUtc, request.OpinionWorkingDays, ProcessingTimeUnit.WorkingDay, DeadlinePolicyOrProcedure(context), context.DeadlineOptions);
            if (due.IsFailure)
            {
                return new AppointmentNotComputed(due.Error);
            }

            created.Add(new Consultation(request.AgencyName.Trim(), context.NowUtc, due.Value));
        }

        _consultations.AddRange(created);
        fields["agencies"] = created.Select(c => c.AgencyName).ToList();
        return null;
    }

    private Error? Record(RecordOpinionCommand command, DateTime now, SortedDictionary<string, object> fields)
    {
        var name = command.AgencyName?.Trim() ?? "";
        var consultation = _consultations.Find(c => c.AnsweredAt is null && string.Equals(c.AgencyName, name, StringComparison.OrdinalIgnoreCase));
        if (consultation is null)
        {
            return new ConsultationNotFound(name);
        }

        if (string.IsNullOrWhiteSpace(command.Opinion))
        {
            return new FieldRequired(RecordOpinion, "ý kiến");
        }

        if (now > consultation.OpinionDeadline)
        {
            Warn(fields, "consultation.late_opinion");
        }

        consultation.Answer(now, command.Opinion.Trim());
        fields["agency"] = consultation.AgencyName;
        return null;
    }

    private Error? SendAlongChain(SendToInterAgencyCommand? command, DossierContext context, SortedDictionary<string, object> fields)
    {
        var chain = command?.Agencies
            ?? [.. context.Procedure.InternalSteps.Where(s => s.Role == PerformerRole.OtherAgency).OrderBy(s => s.Order)
                .Select(s => new InterAgencySlice(s.AgencyName ?? s.Name, s.Slice))];
        if (chain.Count == 0)
        {
            return new InterAgencyChainEmpty();
        }

        foreach (var link in chain)
        {
            if (string.IsNullOrWhiteSpace(link.AgencyName))
            {
                return new FieldRequired(SendToInterAgency, "tên cơ quan liên thông");
            }

            if (link.Slice < 0)
            {
                return new InvalidValue(SendToInterAgency, "thời hạn của cơ quan", "không được âm");
            }
        }

        var parallel = command?.Parallel ?? false;
        var now = context.NowUtc;
        if (chain.Sum(l => l.Slice) > TimeLimitValue)
        {
            // domain.md §5.5: the slices should fit in the procedure's limit.
            Warn(fields, "inter_agency.slices_exceed_limit");
        }

        InterAgencySentAt = now;
        for (var i = 0; i < chain.Count; i++)
        {
            var step = new ProcessingStep(_steps.Count, ProcessingStepKind.InterAgency, CompetentUnitId, null, chain[i].AgencyName.Trim(), chain[i].Slice);
            _steps.Add(step);
            if (parallel || i == 0)
            {
                step.Start(now, StepDeadline(now, chain[i].Slice, context));
            }
        }

        fields["agencies"] = chain.Select(l => l.AgencyName.Trim()).ToList();
        fields["parallel"] = parallel;
        return null;
    }

    private Error? CompleteChainStep(string? agencyName, DossierContext context, SortedDictionary<string, object> fields)
    {
        var step = _steps.Find(s => s.Kind == ProcessingStepKind.InterAgency && s.IsOpen
            && (agencyName is null || string.Equals(s.AgencyName, agencyName.Trim(), StringComparison.OrdinalIgnoreCase)));
        if (step is null)
        {
            return new InterAgencyStepNotFound(agencyName);
        }

        var now = context.NowUtc;
        step.Complete(now, Classify(now, step.Deadline));
        fields["agency"] = step.AgencyName!;

        // ND 61/2018 Art. 19(6)(a): in a sequential chain each agency forwards to the next.
        var next = _steps.Find(s => s.Kind == ProcessingStepKind.InterAgency && s.HandedOverAt is null);
        next?.Start(now, StepDeadline(now, next.Slice ?? 0, context));
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
            return new FieldRequired(IssueApology, "lý do chậm trả kết quả");
        }

        if (string.IsNullOrWhiteSpace(command.SignerName))
        {
            return new FieldRequired(IssueApology, "người ký");
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
        var latest = LatestApologyDate(dueDate, context);
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
        return null;
    }

    private static DateOnly LatestApologyDate(DateOnly dueDate, DossierContext context)
    {
        var rules = context.Apology;
        if (!rules.CountWorkingDays)
        {
            return dueDate.AddDays(-rules.DaysBefore);
        }

        var date = dueDate;
        for (var i = 0; i < rules.DaysBefore; i++)
        {
            date = context.Calculator.Calendar.PreviousWorkingDay(date);
        }

        return date;
    }

    // Before receipt (consultations cannot happen then) the procedure's policy applies.
    private DeadlinePolicy DeadlinePolicyOrProcedure(DossierContext context) =>
        ReceivedAt is null ? context.Procedure.DeadlinePolicy : DeadlinePolicy;

    private static decimal SumSlices(DossierContext context, Func<ProcessStep, bool> which) =>
        context.Procedure.InternalSteps.Where(which).Sum(s => s.Slice);

    private void OpenStep(
        ProcessingStepKind kind, Guid? from, Guid? to, string? agency, decimal? slice, DateTime now, DossierContext context, bool scored = true)
    {
        var step = new ProcessingStep(_steps.Count, kind, from, to, agency, slice);
        _steps.Add(step);

        // The hand-back row is due when the applicant expects the result; a corrected result's row is not scored.
        var deadline = !scored ? null
            : kind == ProcessingStepKind.ReturnToDesk ? CurrentAppointmentAt
            : StepDeadline(now, slice ?? 0, context);
        step.Start(now, deadline);
    }

    private void CompleteOpenSteps(DateTime now, bool classify)
    {
        foreach (var step in _steps.Where(s => s.IsOpen))
        {
            step.Complete(now, classify ? Classify(now, step.Deadline) : null);
        }
    }

    private void ShiftOpenSteps(DateTime pauseFrom, DateTime pauseTo, DeadlineCalculator calculator)
    {
        foreach (var step in _steps.Where(s => s.IsOpen && s.Kind != ProcessingStepKind.InterAgency && s.Deadline is not null))
        {
            step.ShiftDeadline(Shift(step.Deadline!.Value, pauseFrom, pauseTo, calculator));
        }
    }
}
