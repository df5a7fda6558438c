using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Domain.Tests.Calendar;
using static MotCua.Domain.Feedback.Pakn.PaknContentCategory;
using static MotCua.Domain.Feedback.Pakn.PaknStatus;
using static MotCua.Domain.Feedback.Pakn.PaknTrigger;

namespace MotCua.Domain.Tests.Feedback.Pakn;

/// <summary>Drives PAKN cases through the workflow on the official calendar; every field has a default.</summary>
internal sealed class PaknDriver
{
    public const string T0 = "2026-03-02 09:00";

    /// <summary>The calendar of the committed seed files (2024–2026 official schedules: Tết 2026 = Mon 16 – Fri 20 Feb,
    /// so 14–22 Feb off with the weekends; 2027 statutory), Mon–Fri 07:30–11:30, 13:00–17:00.</summary>
    public static readonly DeadlineCalculator Seeded = new(PaknSamples.SeededCalendar(), WorkSchedule.Default);

    public static readonly Guid ReceivingUnit = Guid.Parse("0197a000-0000-7000-8000-000000000001");

    public static readonly Guid HandlingUnit = Guid.Parse("0197a000-0000-7000-8000-000000000002");

    public const string Answer = "Sở Tư pháp đã rà soát quy định và sẽ sửa đổi thủ tục theo thẩm quyền trong quý II/2026.";

    public PaknDriver(PaknDeadlineSchedule? schedule = null, DeadlineCalculator? calculator = null)
    {
        Schedule = schedule ?? PaknDeadlineSchedule.Default;
        Calculator = calculator ?? Seeded;
    }

    public PaknDeadlineSchedule Schedule { get; }

    public DeadlineCalculator Calculator { get; }

    public static PaknActorRole DefaultRole(PaknTrigger trigger) => PaknWorkflow.Roles[trigger].Order().First();

    public PaknContext Ctx(string local, PaknActorRole role) =>
        new(Vn.Utc(local), new PaknActor(role == PaknActorRole.System ? null : Guid.CreateVersion7(), role), Calculator, Schedule);

    public static NewPaknCase Data(string local = T0, PaknChannel channel = PaknChannel.Portal) =>
        new(PaknTrackingCode.Generate(VietnamTime.BusinessDate(Vn.Utc(local)).Year), PaknKind.Petition, channel, PaknSamples.Person,
            "Thủ tục cấp phiếu lý lịch tư pháp còn rườm rà",
            "Đề nghị bỏ yêu cầu nộp bản sao sổ hộ khẩu vì dữ liệu dân cư đã được kết nối.", ReceivingUnit);

    public PaknCase Submit(string local = T0, NewPaknCase? data = null, PaknActorRole role = PaknActorRole.Citizen) =>
        Ok(PaknCase.Submit(data ?? Data(local), Ctx(local, role)));

    public Result<PaknHistoryEntry> Try(PaknCase pakn, PaknCommand command, string local = T0, PaknActorRole? role = null) =>
        pakn.Fire(command, Ctx(local, role ?? DefaultRole(command.Trigger)));

    public PaknHistoryEntry Fire(PaknCase pakn, PaknCommand command, string local = T0, PaknActorRole? role = null) =>
        Ok(Try(pakn, command, local, role));

    public PaknHistoryEntry Fire(PaknCase pakn, PaknTrigger trigger, string local = T0) => Fire(pakn, Sample(trigger), local);

    /// <summary>A case in <paramref name="status"/>, reached along the main path at <paramref name="local"/>: a
    /// regulation petition, reviewed and drafted before <see cref="InProgress"/> ends, a supplement asked at receipt.</summary>
    public PaknCase InState(PaknStatus status, string local = T0, PaknClassification classification = PaknClassification.Regulation)
    {
        var pakn = Submit(local);
        foreach (var trigger in PathTo(status, classification))
        {
            Fire(pakn, SampleFor(trigger, classification), local);
        }

        Assert.Equal(status, pakn.Status);
        return pakn;
    }

    public static IEnumerable<PaknTrigger> PathTo(PaknStatus status, PaknClassification classification = PaknClassification.Regulation)
    {
        var handling = classification == PaknClassification.Regulation
            ? new[] { Classify, StartHandling, RecordReview, DraftAnswer }
            : [Classify, StartHandling, DraftAnswer];
        return status switch
        {
            Received => [],
            NotAccepted => [Refuse],
            Forwarded => [Forward],
            Classified => [Classify],
            SupplementRequested => [RequestSupplement],
            InProgress => handling,
            Decided => [.. handling, Decide],
            AwaitingPublication => [.. handling, Decide, SubmitForPublication],
            Published => [.. handling, Decide, SubmitForPublication, Publish],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
    }

    public static PaknCommand Sample(PaknTrigger trigger) => SampleFor(trigger, PaknClassification.Regulation);

    public static PaknCommand SampleFor(PaknTrigger trigger, PaknClassification classification) => trigger switch
    {
        Refuse => new PaknReasonCommand(Refuse, "Không ghi rõ nội dung phản ánh (Điều 7 Nghị định 20/2008/NĐ-CP)."),
        Forward => new ForwardPaknCommand("Bộ Tài chính", "Quy định thuộc thẩm quyền của Bộ Tài chính."),
        TransferIn => new TransferPaknInCommand(),
        Classify => classification == PaknClassification.Regulation
            ? new ClassifyPaknCommand(PaknClassification.Regulation, PaknKind.Petition, [UnsuitableToReality, ProposedSolution], HandlingUnit)
            : new ClassifyPaknCommand(PaknClassification.StaffConduct, PaknKind.Feedback, [PaknContentCategory.StaffConduct], HandlingUnit),
        RequestSupplement => new PaknReasonCommand(RequestSupplement, "Đề nghị cung cấp số, ngày của văn bản được phản ánh."),
        ProvideSupplement => new ProvidePaknSupplementCommand("Quyết định số 12/2025/QĐ-UBND ngày 05/03/2025."),
        RecordReview => new RecordPaknReviewCommand([.. PaknReview.Criteria.Select(c => new PaknReviewItem(c, PaknReviewVerdict.Met))]),
        DraftAnswer => new DraftPaknAnswerCommand(Answer, classification == PaknClassification.Regulation
            ? PaknDecisionForm.AmendWithinAuthority
            : PaknDecisionForm.HandledUnderApplicableProcedure),
        ReturnForRevision => new PaknReasonCommand(ReturnForRevision, "Bổ sung căn cứ pháp lý trong câu trả lời."),
        SubmitForPublication => new SubmitPaknForPublicationCommand(),
        Publish => new PublishPaknCommand(),
        RecordReactions => new RecordPaknReactionsCommand(3, 1),
        ReplyDissatisfied => new PaknReasonCommand(ReplyDissatisfied, "Câu trả lời chưa giải quyết vướng mắc của tôi."),
        _ => new PaknTriggerCommand(trigger),
    };

    public static T Ok<T>(Result<T> result) => PaknSamples.Ok(result);
}
