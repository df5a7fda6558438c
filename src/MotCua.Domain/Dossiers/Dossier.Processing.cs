using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;
using static MotCua.Domain.Dossiers.DossierTrigger;

namespace MotCua.Domain.Dossiers;

// Processing at the competent agency: consultations, the inter-agency chain, and the control-sheet rows (Form 05).
public sealed partial class Dossier
{
    private Error? Consult(RequestConsultationCommand command, DossierContext context, SortedDictionary<string, object> fields)
    {
        if (command.Agencies is null || command.Agencies.Count == 0)
        {
            return new FieldRequired(RequestConsultation, new FieldMessage("dossier.label.consulted_agencies", "cơ quan được lấy ý kiến"));
        }

        var created = new List<Consultation>();
        foreach (var request in command.Agencies)
        {
            if (string.IsNullOrWhiteSpace(request.AgencyName))
            {
                return new FieldRequired(RequestConsultation, new FieldMessage("dossier.label.consulted_agency_name", "tên cơ quan được lấy ý kiến"));
            }

            if (request.OpinionWorkingDays <= 0)
            {
                return new InvalidValue(RequestConsultation, new FieldMessage("dossier.label.opinion_days", "thời hạn trả lời"),
                    new FieldMessage("dossier.reason.positive_working_days", "phải lớn hơn 0 ngày làm việc"));
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
            return new FieldRequired(RecordOpinion, new FieldMessage("dossier.label.opinion", "ý kiến"));
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
                return new FieldRequired(SendToInterAgency, new FieldMessage("dossier.label.inter_agency_name", "tên cơ quan liên thông"));
            }

            if (link.Slice < 0)
            {
                return new InvalidValue(SendToInterAgency, new FieldMessage("dossier.label.agency_slice", "thời hạn của cơ quan"),
                    new FieldMessage("dossier.reason.not_negative", "không được âm"));
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
