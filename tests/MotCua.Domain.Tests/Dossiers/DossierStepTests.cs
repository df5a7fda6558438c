using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Tests.Calendar;
using static MotCua.Domain.Dossiers.DossierTrigger;

namespace MotCua.Domain.Tests.Dossiers;

public class DossierStepTests
{
    private static string Local(DateTime? utc) => Vn.Format(utc!.Value);

    private static Dossier Appraising(Driver d, string at)
    {
        var dossier = d.Counter(at);
        d.Fire(dossier, Transfer, at);
        d.Fire(dossier, Assign, at);
        d.Fire(dossier, StartAppraisal, at);
        return dossier;
    }

    [Fact]
    public void ControlSheet_SimpleProcedure_RowsWithSlicesAndClassification()
    {
        var d = new Driver(Driver.MakeTerms(5, steps: Driver.SimpleSteps));
        var dossier = d.Counter("2026-03-09 09:00");
        d.Fire(dossier, Transfer, "2026-03-10 08:00");
        d.Fire(dossier, Assign, "2026-03-10 08:00");
        d.Fire(dossier, StartAppraisal, "2026-03-10 08:00");
        d.Fire(dossier, SubmitForApproval, "2026-03-12 10:00");
        d.Fire(dossier, Approve, "2026-03-12 15:00");
        d.Fire(dossier, ReturnResult, "2026-03-13 09:00");

        var steps = dossier.Steps;
        Assert.Equal(
            [ProcessingStepKind.Reception, ProcessingStepKind.CompetentAgency, ProcessingStepKind.ReturnToDesk],
            steps.Select(s => s.Kind));

        // Desk slice 0.5 day = 4 working hours from 09:00: 2.5 h morning, 1.5 h afternoon → 14:30; transferred next day.
        Assert.Equal("2026-03-09 14:30", Local(steps[0].Deadline));
        Assert.Equal(Timeliness.Late, steps[0].Result);

        // Agency slices 3 + 1 + 0.5 = 4.5 days = 36 h from Tue 10 08:00: Tue 3.5 + 4 = 7.5; Wed 15.5; Thu 23.5; Fri 31.5;
        // Mon 16: 07:30 + 4 h = 11:30, then 0.5 h → 13:30.
        Assert.Equal("2026-03-16 13:30", Local(steps[1].Deadline));
        Assert.Equal(Timeliness.Early, steps[1].Result);
        Assert.Equal((dossier.ReceivingUnitId, dossier.CompetentUnitId), (steps[1].FromUnitId!.Value, steps[1].ToUnitId!.Value));

        // The hand-back row is due at the appointment.
        Assert.Equal(dossier.CurrentAppointmentAt, steps[2].Deadline);
        Assert.Equal(Timeliness.Early, steps[2].Result);
        Assert.All(steps, s => Assert.NotNull(s.CompletedAt));
    }

    [Fact]
    public void InterAgency_SequentialChain_PerAgencySlicesAndLeadStepPaused()
    {
        var d = new Driver(); // 10 working days, Văn phòng Đăng ký đất đai 3 days, Cơ quan Thuế 2 days
        var dossier = Appraising(d, "2026-03-09 09:00");
        Assert.Equal("2026-03-23 17:00", Local(dossier.OriginalAppointmentAt));
        var lead = dossier.Steps[1];
        Assert.Equal("2026-03-13 14:30", Local(lead.Deadline)); // 36 h from Mon 09 09:00: 6.5 + 8 × 3 = 30.5 by Thu, 5.5 h Fri

        d.Fire(dossier, new SendToInterAgencyCommand(), "2026-03-10 09:00");
        var land = dossier.Steps[2];
        var tax = dossier.Steps[3];
        Assert.Equal(("Văn phòng Đăng ký đất đai", "Cơ quan Thuế"), (land.AgencyName, tax.AgencyName));
        Assert.Equal("2026-03-13 17:00", Local(land.Deadline)); // 3 whole working days: Wed, Thu, Fri
        Assert.Null(tax.HandedOverAt);

        d.Fire(dossier, new CompleteInterAgencyStepCommand(), "2026-03-12 10:00");
        Assert.Equal(Timeliness.Early, land.Result);
        Assert.Equal("2026-03-12 10:00", Local(tax.HandedOverAt));
        Assert.Equal("2026-03-16 17:00", Local(tax.Deadline)); // Fri 13, Mon 16

        Assert.IsType<InterAgencyStepsOpen>(d.Try(dossier, new TriggerCommand(ReturnFromInterAgency), "2026-03-16 10:00").Error);

        d.Fire(dossier, new CompleteInterAgencyStepCommand("Cơ quan Thuế"), "2026-03-17 09:00");
        Assert.Equal(Timeliness.Late, tax.Result);

        d.Fire(dossier, new TriggerCommand(ReturnFromInterAgency), "2026-03-17 09:00");
        // The lead agency is not charged for the chain: 5 working days (Wed 11 … Tue 17) added.
        Assert.Equal("2026-03-20 14:30", Local(lead.Deadline));
        Assert.Null(dossier.InterAgencySentAt);

        d.Fire(dossier, SubmitForApproval, "2026-03-19 10:00");
        d.Fire(dossier, Approve, "2026-03-19 14:00");
        Assert.Equal(Timeliness.Early, lead.Result);
        Assert.Equal(Timeliness.Early, dossier.Classify());
    }

    [Fact]
    public void InterAgency_ParallelWithExplicitSlices_AllStartAtOnceAndCompleteByName()
    {
        var d = new Driver();
        var dossier = Appraising(d, "2026-03-09 09:00");

        d.Fire(dossier, new SendToInterAgencyCommand([new("Công an xã", 1), new("Cơ quan Thuế", 2)], Parallel: true), "2026-03-10 09:00");
        var police = dossier.Steps[2];
        var tax = dossier.Steps[3];
        Assert.Equal(("2026-03-11 17:00", "2026-03-12 17:00"), (Local(police.Deadline), Local(tax.Deadline)));

        d.Fire(dossier, new CompleteInterAgencyStepCommand("cơ quan thuế"), "2026-03-12 16:00");
        Assert.Equal(Timeliness.OnTime, tax.Result);
        Assert.True(police.IsOpen);
        Assert.IsType<InterAgencyStepNotFound>(d.Try(dossier, new CompleteInterAgencyStepCommand("Sở Xây dựng"), "2026-03-12 16:00").Error);

        d.Fire(dossier, new CompleteInterAgencyStepCommand("Công an xã"), "2026-03-13 09:00");
        Assert.Equal(Timeliness.Late, police.Result);
        d.Fire(dossier, new TriggerCommand(ReturnFromInterAgency), "2026-03-13 09:00");
        Assert.Equal(DossierStatus.Appraising, dossier.Status);
    }

    [Fact]
    public void SendToInterAgency_ProcedureWithoutOtherAgencies_InterAgencyChainEmpty()
    {
        var d = new Driver(Driver.MakeTerms(5, steps: Driver.SimpleSteps));
        var dossier = Appraising(d, "2026-03-09 09:00");
        Assert.IsType<InterAgencyChainEmpty>(d.Try(dossier, new SendToInterAgencyCommand(), "2026-03-10 09:00").Error);
        Assert.Equal(2, dossier.Steps.Count);
    }

    [Fact]
    public void SendToInterAgency_SlicesAboveTheLimit_Warns()
    {
        var d = new Driver(Driver.MakeTerms(5, steps: Driver.SimpleSteps));
        var dossier = Appraising(d, "2026-03-09 09:00");
        var entry = d.Fire(dossier, new SendToInterAgencyCommand([new("Cơ quan Thuế", 6)]), "2026-03-10 09:00");
        Assert.Contains("inter_agency.slices_exceed_limit", entry.Data, StringComparison.Ordinal);
    }

    [Fact]
    public void Consultation_OpinionDeadlineLateAnswerAndUnanswered_Recorded()
    {
        var d = new Driver();
        var dossier = Appraising(d, "2026-03-09 09:00");

        d.Fire(dossier, new RequestConsultationCommand([new("Phòng Tài nguyên", 2), new("Phòng Kinh tế", 3)]), "2026-03-09 10:00");
        var environment = dossier.Consultations[0];
        Assert.Equal("2026-03-11 17:00", Local(environment.OpinionDeadline)); // ND 61/2018 Art. 19(5)(a)
        Assert.Equal("2026-03-12 17:00", Local(dossier.Consultations[1].OpinionDeadline));

        Assert.IsType<ConsultationNotFound>(d.Try(dossier, new RecordOpinionCommand("Sở Y tế", "Đồng ý"), "2026-03-10 10:00").Error);
        var late = d.Fire(dossier, new RecordOpinionCommand("phòng tài nguyên", "Đồng ý"), "2026-03-12 09:00");
        Assert.Contains("consultation.late_opinion", late.Data, StringComparison.Ordinal);
        Assert.True(environment.IsLateAt(Vn.Utc("2026-03-12 09:00")));
        Assert.Equal("Đồng ý", environment.Opinion);

        var done = d.Fire(dossier, CompleteConsultation, "2026-03-12 10:00");
        Assert.Contains("consultation.unanswered", done.Data, StringComparison.Ordinal);
        Assert.Contains("Phòng Kinh tế", done.Data, StringComparison.Ordinal);

        // A late answer after appraisal resumed is still recorded.
        d.Fire(dossier, new RecordOpinionCommand("Phòng Kinh tế", "Không ý kiến"), "2026-03-12 11:00");
        Assert.Equal(DossierStatus.Appraising, dossier.Status);
        Assert.False(dossier.Consultations[1].IsLateAt(Vn.Utc("2026-03-20 11:00")));
    }

    [Fact]
    public void ControlSheet_SupplementPause_LeadStepNotChargedForApplicantTime()
    {
        var d = new Driver(Driver.MakeTerms(5, steps: Driver.SimpleSteps, supplement: SupplementClockPolicy.SupplementRestart));
        var dossier = Appraising(d, "2026-02-09 09:00");
        var lead = dossier.Steps[1];
        var before = lead.Deadline;
        d.Fire(dossier, new RequestSupplementCommand("Thiếu", ["X"]), "2026-02-10 09:00");
        d.Fire(dossier, new TriggerCommand(CompleteSupplement), "2026-02-24 09:00");

        // Paused working days in (Tue 10, Tue 24]: Wed 11, Thu 12, Fri 13, Mon 23, Tue 24 = 5 (Tết excluded).
        Assert.Equal(Driver.B2.Calendar.AddWorkingDays(DateOnly.FromDateTime(VietnamTime.ToLocal(before!.Value)), 5),
            DateOnly.FromDateTime(VietnamTime.ToLocal(lead.Deadline!.Value)));
    }

    [Fact]
    public void Stop_OpenSteps_ClosedWithoutScore()
    {
        var d = new Driver();
        var dossier = Appraising(d, "2026-03-09 09:00");
        d.Fire(dossier, new ReasonCommand(Stop, "Vướng mắc pháp lý"), "2026-03-30 09:00");
        var lead = dossier.Steps[1];
        Assert.Equal(Vn.Utc("2026-03-30 09:00"), lead.CompletedAt);
        Assert.Null(lead.Result);
        Assert.Equal(Vn.Utc("2026-03-30 09:00"), dossier.ProcessingEndedAt);
    }
}
