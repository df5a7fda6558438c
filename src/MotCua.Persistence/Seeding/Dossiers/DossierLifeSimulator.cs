using MotCua.Domain.Dossiers;

namespace MotCua.Persistence.Seeding.Dossiers;

/// <summary>
/// Plays a <see cref="DossierLifePlan"/> through the domain (<see cref="Dossier.Submit"/>,
/// <see cref="Dossier.ReceiveAtCounter"/>, <see cref="Dossier.Fire"/>), so generated dossiers carry real appointments,
/// control-sheet rows and hash-chained history. Time advances by a fraction of what is left before the appointment, so a
/// dossier is on time unless the plan says late; a step that would fall after <c>limitUtc</c> ("today") is not taken,
/// which leaves recent dossiers open.
/// </summary>
public sealed class DossierLifeSimulator(SeedCalendar calendar, DossierActorIds actors, TimeSpan? maxStep = null)
{
    /// <summary>Runs the plan; throws when the domain refuses a step (a generator bug, not an expected failure).</summary>
    public Dossier Run(DossierLifePlan plan, DateTime limitUtc)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new Run(calendar, actors, plan, limitUtc, maxStep).Play();
    }
}

/// <summary>The staff and citizen ids the generated history names.</summary>
public sealed record DossierActorIds(Guid DeskOfficer, Guid HandlingOfficer, Guid AgencyHead, Guid Citizen);

internal sealed class Run(SeedCalendar calendar, DossierActorIds actors, DossierLifePlan plan, DateTime limitUtc, TimeSpan? maxStep)
{
    private const string InterAgencyName = "Chi cục Thuế khu vực";
    private const string ConsultedAgency = "Sở Tài chính";
    private readonly Random _random = new(plan.Seed);
    private Dossier _dossier = null!;
    private DateTime _now;

    public Dossier Play()
    {
        var target = plan.Target;
        var online = plan.Data.Channel is DossierChannel.Online or DossierChannel.Postal;
        if (!online)
        {
            _now = plan.ReceivedAt;
            var created = target == DossierStatus.RefusedAtReceipt
                ? Dossier.RefuseAtCounter(plan.Data, "Hồ sơ chưa đủ thành phần theo quy định", Context(DossierActorRole.DeskOfficer))
                : Dossier.ReceiveAtCounter(plan.Data, plan.Code ?? throw new InvalidOperationException("A counter receipt needs a code."), Context(DossierActorRole.DeskOfficer));
            _dossier = Check(created);
            if (target == DossierStatus.RefusedAtReceipt)
            {
                return _dossier;
            }
        }
        else
        {
            _now = plan.SubmittedAt;
            _dossier = Check(Dossier.Submit(plan.Data, Context(plan.Data.Channel == DossierChannel.Online ? DossierActorRole.Citizen : DossierActorRole.System)));
            if (target == DossierStatus.OnlineSubmitted || !Until(plan.ReceivedAt))
            {
                return _dossier;
            }

            if (target == DossierStatus.DeskSupplementPending)
            {
                _now = plan.ReceivedAt;
                Fire(DossierActorRole.DeskOfficer, new RequestSupplementCommand("Thiếu bản sao giấy tờ tùy thân", ["Bản sao CCCD"], AtDesk: true));
                return _dossier;
            }

            if (target == DossierStatus.RefusedAtReceipt)
            {
                _now = plan.ReceivedAt;
                Fire(DossierActorRole.DeskOfficer, new ReasonCommand(DossierTrigger.RefuseAtReceipt, "Thủ tục không thuộc thẩm quyền tiếp nhận"));
                return _dossier;
            }

            _now = plan.ReceivedAt;
            var code = plan.Code ?? throw new InvalidOperationException("An accepted dossier needs a code.");
            Fire(DossierActorRole.DeskOfficer, plan.Data.Channel == DossierChannel.Postal
                ? new AcceptCommand(code, HandoverSignedAtUtc: plan.ReceivedAt)
                : new AcceptCommand(code));
        }

        if (target == DossierStatus.Received)
        {
            return _dossier;
        }

        if (target == DossierStatus.Withdrawn)
        {
            if (Step())
            {
                Fire(DossierActorRole.Citizen, new ReasonCommand(DossierTrigger.Withdraw, "Người nộp xin rút hồ sơ"));
            }

            return _dossier;
        }

        if (!Step(DossierActorRole.DeskOfficer, DossierTrigger.Transfer) || target == DossierStatus.Transferred)
        {
            return _dossier;
        }

        if (target == DossierStatus.Stopped)
        {
            if (Step())
            {
                Fire(DossierActorRole.AgencyHead, new ReasonCommand(DossierTrigger.Stop, "Dừng xử lý theo đề nghị của cơ quan có thẩm quyền"));
            }

            return _dossier;
        }

        if (!Step() || !Fire(DossierActorRole.AgencyHead, new AssignCommand(actors.HandlingOfficer)) || target == DossierStatus.Assigned)
        {
            return _dossier;
        }

        if (!Step(DossierActorRole.HandlingOfficer, DossierTrigger.StartAppraisal) || target == DossierStatus.Appraising)
        {
            return _dossier;
        }

        if (plan.ApologyWanted && _dossier.CurrentAppointmentAt is { } due
            && Domain.Calendar.VietnamTime.BusinessDate(_now) < Domain.Calendar.VietnamTime.BusinessDate(due).AddDays(-1))
        {
            Fire(DossierActorRole.AgencyHead, new IssueApologyCommand("Hồ sơ cần xác minh thêm tại địa phương", due.AddDays(3 + _random.Next(5)), "Lò Văn Khánh"));
        }

        if (!SidePaths(target))
        {
            return _dossier;
        }

        if (target == DossierStatus.RejectedAfterAppraisal)
        {
            if (Step())
            {
                Fire(DossierActorRole.HandlingOfficer, new ReasonCommand(DossierTrigger.Reject, "Không đủ điều kiện theo quy định"));
            }

            return _dossier;
        }

        if (!Step(DossierActorRole.HandlingOfficer, DossierTrigger.SubmitForApproval) || target == DossierStatus.AwaitingSignature)
        {
            return _dossier;
        }

        if (plan.Late && _dossier.OriginalAppointmentAt is { } original)
        {
            // Past the legal appointment (the apology's new date does not save it, ND 61 Art. 19(9)).
            var late = original.AddHours(26 + _random.Next(24 * 6));
            _now = late > _now ? late : _now.AddHours(1);
            if (!Until(_now))
            {
                return _dossier;
            }
        }
        else if (!Step())
        {
            return _dossier;
        }

        if (!Fire(DossierActorRole.AgencyHead, new TriggerCommand(DossierTrigger.Approve)) || target == DossierStatus.ResultAtDesk)
        {
            return _dossier;
        }

        _now = _now.AddHours(2 + _random.Next(70));
        if (Until(_now))
        {
            Fire(DossierActorRole.DeskOfficer, new TriggerCommand(DossierTrigger.ReturnResult));
        }

        return _dossier;
    }

    private bool SidePaths(DossierStatus target)
    {
        if (plan.Verification || target == DossierStatus.Verifying)
        {
            if (!Step(DossierActorRole.HandlingOfficer, DossierTrigger.RequestVerification) || target == DossierStatus.Verifying
                || !Step(DossierActorRole.HandlingOfficer, DossierTrigger.CompleteVerification))
            {
                return false;
            }
        }

        if (plan.Consultation || target == DossierStatus.Consulting)
        {
            if (!Step() || !Fire(DossierActorRole.HandlingOfficer, new RequestConsultationCommand([new ConsultationRequest(ConsultedAgency, 3)]))
                || target == DossierStatus.Consulting
                || !Step() || !Fire(DossierActorRole.HandlingOfficer, new RecordOpinionCommand(ConsultedAgency, "Thống nhất"))
                || !Step(DossierActorRole.HandlingOfficer, DossierTrigger.CompleteConsultation))
            {
                return false;
            }
        }

        if (plan.InterAgency || target == DossierStatus.InterAgencyProcessing)
        {
            if (!Step() || !Fire(DossierActorRole.HandlingOfficer, new SendToInterAgencyCommand([new InterAgencySlice(InterAgencyName, 2)]))
                || target == DossierStatus.InterAgencyProcessing
                || !Step() || !Fire(DossierActorRole.HandlingOfficer, new CompleteInterAgencyStepCommand(InterAgencyName))
                || !Step(DossierActorRole.HandlingOfficer, DossierTrigger.ReturnFromInterAgency))
            {
                return false;
            }
        }

        if (plan.Supplement || target == DossierStatus.SupplementRequested)
        {
            if (!Step() || !Fire(DossierActorRole.HandlingOfficer, new RequestSupplementCommand("Cần bổ sung giấy tờ chứng minh", ["Giấy xác nhận cư trú"]))
                || target == DossierStatus.SupplementRequested)
            {
                return false;
            }

            // The applicant's time: one to four days, not charged to the agency.
            _now = _now.AddHours(20 + _random.Next(72));
            if (!Until(_now) || !Fire(DossierActorRole.Citizen, new TriggerCommand(DossierTrigger.CompleteSupplement)))
            {
                return false;
            }
        }

        if (plan.FinancialObligation || target == DossierStatus.AwaitingFinancialObligation)
        {
            if (!Step() || !Fire(DossierActorRole.HandlingOfficer, new RequestFinancialObligationCommand(50_000 + (_random.Next(20) * 10_000), "Lệ phí"))
                || target == DossierStatus.AwaitingFinancialObligation)
            {
                return false;
            }

            _now = _now.AddHours(4 + _random.Next(40));
            if (!Until(_now) || !Fire(DossierActorRole.DeskOfficer, new ConfirmPaymentCommand("BL-" + _random.Next(100_000, 999_999))))
            {
                return false;
            }
        }

        return true;
    }

    private bool Step(DossierActorRole role, DossierTrigger trigger) => Step() && Fire(role, new TriggerCommand(trigger));

    /// <summary>Moves time by 3–12 % of what is left before the appointment (at least ten minutes); false once past
    /// the limit.</summary>
    private bool Step()
    {
        var due = _dossier.CurrentAppointmentAt ?? _now.AddDays(5);
        var left = due - _now;
        var minutes = Math.Max(10, left.TotalMinutes * (0.03 + (_random.NextDouble() * 0.09)));
        if (maxStep is { } cap && minutes > cap.TotalMinutes)
        {
            minutes = cap.TotalMinutes * (0.5 + (_random.NextDouble() * 0.5));
        }

        // Whole seconds: PostgreSQL keeps microseconds, and the history hash covers the instants' ticks.
        _now = _now.AddSeconds(Math.Round(minutes * 60));
        return Until(_now);
    }

    private bool Until(DateTime at) => at <= limitUtc;

    private bool Fire(DossierActorRole role, DossierCommand command)
    {
        var result = _dossier.Fire(command, Context(role));
        if (result.IsFailure)
        {
            throw new InvalidOperationException($"Generator step {command.Trigger} refused for {plan.Data.Id}: {result.Error.Code} {result.Error.Message}");
        }

        return true;
    }

    private DossierContext Context(DossierActorRole role)
    {
        var id = role switch
        {
            DossierActorRole.DeskOfficer => actors.DeskOfficer,
            DossierActorRole.HandlingOfficer => actors.HandlingOfficer,
            DossierActorRole.AgencyHead => actors.AgencyHead,
            DossierActorRole.Citizen => actors.Citizen,
            _ => (Guid?)null,
        };
        return new DossierContext(_now, new DossierActor(id, role), calendar.Calculator, plan.Terms) { CalendarVersion = calendar.Version };
    }

    private static Dossier Check(Domain.Common.Result<Dossier> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Generator could not create a dossier: {result.Error.Code} {result.Error.Message}");
}
