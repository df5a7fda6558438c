using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Tests.Calendar;
using static MotCua.Domain.Dossiers.DossierStatus;
using static MotCua.Domain.Dossiers.DossierTrigger;

namespace MotCua.Domain.Tests.Dossiers;

/// <summary>Drives dossiers through the workflow with one set of procedure terms; every field has a default.</summary>
internal sealed class Driver
{
    public const string Unit = "000.00.01.H26";

    /// <summary>Appendix B.2 calendar (Tết 14–22/02/2026 off, 27/04 compensatory), Mon–Fri 07:30–11:30, 13:00–17:00.</summary>
    public static readonly DeadlineCalculator B2 = new(CalendarBuilder.B2Calendar(), WorkSchedule.Default);

    public static readonly IReadOnlyList<ProcessStep> SimpleSteps =
    [
        new(1, "Tiếp nhận", PerformerRole.DeskOfficer, null, 0.5m),
        new(2, "Thẩm định", PerformerRole.HandlingOfficer, null, 3m),
        new(3, "Ký duyệt", PerformerRole.AgencyHead, null, 1m),
        new(4, "Vào số, đóng dấu", PerformerRole.Clerk, null, 0.5m),
    ];

    /// <summary>A 10-working-day inter-agency procedure (land-style): two other agencies with their own slices.</summary>
    public static readonly IReadOnlyList<ProcessStep> InterAgencySteps =
    [
        new(1, "Tiếp nhận", PerformerRole.DeskOfficer, null, 0.5m),
        new(2, "Thẩm định", PerformerRole.HandlingOfficer, null, 3m),
        new(3, "Đo đạc, xác nhận", PerformerRole.OtherAgency, "Văn phòng Đăng ký đất đai", 3m),
        new(4, "Xác định nghĩa vụ tài chính", PerformerRole.OtherAgency, "Cơ quan Thuế", 2m),
        new(5, "Ký duyệt", PerformerRole.AgencyHead, null, 1m),
        new(6, "Vào số, đóng dấu", PerformerRole.Clerk, null, 0.5m),
    ];

    public Driver(ProcedureTerms? terms = null, ApologyRules? apology = null)
    {
        Terms = terms ?? MakeTerms();
        Apology = apology ?? ApologyRules.Default;
    }

    public ProcedureTerms Terms { get; }

    public ApologyRules Apology { get; }

    public static ProcedureTerms MakeTerms(
        decimal value = 10, ProcessingTimeUnit unit = ProcessingTimeUnit.WorkingDay, DeadlinePolicy policy = DeadlinePolicy.CalendarDayEnd,
        SupplementClockPolicy supplement = SupplementClockPolicy.SupplementRestart, bool financialPause = false,
        IReadOnlyList<ProcessStep>? steps = null) =>
        new(new ProcessingTime(value, unit), policy, supplement, financialPause, steps ?? InterAgencySteps);

    public static DossierActorRole DefaultRole(DossierTrigger trigger) => DossierWorkflow.Roles[trigger].Order().First();

    public DossierContext Ctx(DateTime nowUtc, DossierActorRole role) =>
        new(nowUtc, new DossierActor(role == DossierActorRole.System ? null : Guid.CreateVersion7(), role), B2, Terms)
        {
            CalendarVersion = "B2-2026",
            Apology = Apology,
        };

    public static NewDossier Data(DossierChannel channel) =>
        new(Guid.CreateVersion7(), 1, Guid.CreateVersion7(), Guid.CreateVersion7(), channel,
            new Applicant("Nguyễn Văn A", "001090000001", "0912345678", "a@example.vn", "Hà Nội"));

    public static DossierCode CodeFor(DateTime receivedAtUtc, int sequence = 1)
    {
        var code = DossierCode.Create(Unit, DateOnly.FromDateTime(VietnamTime.ToLocal(receivedAtUtc)), sequence);
        Assert.True(code.IsSuccess);
        return code.Value;
    }

    public Dossier Submit(string local, DossierChannel channel = DossierChannel.Online) =>
        Ok(Dossier.Submit(Data(channel), Ctx(Vn.Utc(local), DossierActorRole.Citizen)));

    public Dossier Counter(string local) =>
        Ok(Dossier.ReceiveAtCounter(Data(DossierChannel.InPerson), CodeFor(Vn.Utc(local)), Ctx(Vn.Utc(local), DossierActorRole.DeskOfficer)));

    public Result<DossierHistoryEntry> Try(Dossier dossier, DossierCommand command, string local, DossierActorRole? role = null) =>
        dossier.Fire(command, Ctx(Vn.Utc(local), role ?? DefaultRole(command.Trigger)));

    public DossierHistoryEntry Fire(Dossier dossier, DossierCommand command, string local, DossierActorRole? role = null) =>
        Ok(Try(dossier, command, local, role));

    public DossierHistoryEntry Fire(Dossier dossier, DossierTrigger trigger, string local) =>
        Fire(dossier, Sample(trigger, Vn.Utc(local), dossier), local);

    public static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, result.IsFailure ? $"{result.Error.Code}: {result.Error.Message}" : null);
        return result.Value;
    }

    /// <summary>A valid command for <paramref name="trigger"/> at <paramref name="nowUtc"/>.</summary>
    public static DossierCommand Sample(DossierTrigger trigger, DateTime nowUtc, Dossier dossier) => trigger switch
    {
        Accept => new AcceptCommand(CodeFor(nowUtc)),
        RequestDeskSupplement => new RequestSupplementCommand("Thiếu tờ khai", ["Tờ khai"], AtDesk: true),
        RequestSupplement => new RequestSupplementCommand("Thiếu bản vẽ", ["Bản vẽ hiện trạng"]),
        RefuseAtReceipt or Reject or Stop or CorrectResult => new ReasonCommand(trigger, "Lý do thử"),
        Assign => new AssignCommand(Guid.CreateVersion7()),
        RequestConsultation => new RequestConsultationCommand([new ConsultationRequest("Phòng Tài nguyên", 3)]),
        RecordOpinion => new RecordOpinionCommand(dossier.Consultations.FirstOrDefault(c => c.AnsweredAt is null)?.AgencyName ?? "Phòng Tài nguyên", "Đồng ý"),
        RequestFinancialObligation => new RequestFinancialObligationCommand(500_000m, "Lệ phí"),
        ConfirmPayment => new ConfirmPaymentCommand("BL-0001"),
        ReturnResult when dossier.ReturnMethod == ResultReturnMethod.Postal => new ReturnResultCommand("Bưu điện tỉnh", "EMS000000001VN"),
        RecordDelivery => new RecordDeliveryCommand(nowUtc),
        CorrectApplicant => new CorrectApplicantCommand(dossier.Applicant with { Phone = "0987654321" }, "Gõ nhầm số điện thoại"),
        IssueApology => new IssueApologyCommand("Cần xác minh thêm", (dossier.CurrentAppointmentAt ?? nowUtc).AddDays(3), "Trần Văn B"),
        _ => new TriggerCommand(trigger),
    };

    public const string T0 = "2026-03-09 09:00";

    /// <summary>A dossier in <paramref name="state"/>, ready for <paramref name="next"/> (all steps at <see cref="T0"/>).</summary>
    public Dossier InState(DossierStatus state, DossierTrigger? next = null)
    {
        // A delivery can only be recorded for a result sent by post.
        var dossier = next == RecordDelivery
            ? Ok(Dossier.Submit(Data(DossierChannel.Postal) with { ReturnMethod = ResultReturnMethod.Postal, ReturnAddress = "Bản Hụm" }, Ctx(Vn.Utc(T0), DossierActorRole.DeskOfficer)))
            : Submit(T0);
        foreach (var trigger in PathTo(state, next))
        {
            Fire(dossier, trigger, T0);
        }

        Assert.Equal(state, dossier.Status);
        return dossier;
    }

    private static DossierTrigger[] PathTo(DossierStatus state, DossierTrigger? next)
    {
        DossierTrigger[] toAppraising = next == RecordOpinion
            ? [Accept, Transfer, Assign, StartAppraisal, RequestConsultation, CompleteConsultation]
            : [Accept, Transfer, Assign, StartAppraisal];
        return state switch
        {
            OnlineSubmitted => [],
            DeskSupplementPending => [RequestDeskSupplement],
            RefusedAtReceipt => [RefuseAtReceipt],
            Received => [Accept],
            Transferred => [Accept, Transfer],
            Assigned => [Accept, Transfer, Assign],
            Appraising => toAppraising,
            Verifying => [.. toAppraising, RequestVerification],
            Consulting => [.. toAppraising, RequestConsultation],
            InterAgencyProcessing when next == ReturnFromInterAgency =>
                [.. toAppraising, SendToInterAgency, CompleteInterAgencyStep, CompleteInterAgencyStep],
            InterAgencyProcessing => [.. toAppraising, SendToInterAgency],
            AwaitingSignature => [.. toAppraising, SubmitForApproval],
            SupplementRequested => [.. toAppraising, RequestSupplement],
            AwaitingFinancialObligation => [.. toAppraising, RequestFinancialObligation],
            Withdrawn => [Accept, Withdraw],
            RejectedAfterAppraisal => [.. toAppraising, Reject],
            Stopped => [Accept, Stop],
            ResultAtDesk => [.. toAppraising, SubmitForApproval, Approve],
            Returned => [.. toAppraising, SubmitForApproval, Approve, ReturnResult],
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
        };
    }
}
